using Amazon.Lambda.S3Events;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Tests.Ingest.Files;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Mapping;

/// <summary>An S3 notification through the Lambda serializer and <see cref="FileIngestFunction"/> reaches the core
/// field for field: the key still URL-encoded (the core decodes it), version, size, ETag, event name and time.</summary>
public sealed class FileIngestMappingTests
{
    private const string Order = """{"orderId":"o-1","customerId":"c-1","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":"2.50"}]}""";

    private static string S3Event(string record) => $$"""{"Records":[{{record}}]}""";

    private static string Record(string s3) => $$"""
        {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2026-11-23T09:11:40.027Z",
         "eventName":"ObjectCreated:Put","userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},
         "requestParameters":{"sourceIPAddress":"198.51.100.7"},"responseElements":{"x-amz-request-id":"R1","x-amz-id-2":"I2"},
         "s3":{{s3}}}
        """;

    private const string Entity = """
        {"s3SchemaVersion":"1.0","configurationId":"incoming","bucket":{"name":"dev-order-drop-123456789012-backend",
         "ownerIdentity":{"principalId":"A1"},"arn":"arn:aws:s3:::dev-order-drop-123456789012-backend"},
         "object":{"key":"incoming/partner+feed%2B1.ndjson","size":114,"eTag":"0123456789abcdef0123456789abcdef",
         "versionId":"3HL4kqtJlcpXroDTDmjVBH40Nrjfkd","sequencer":"0055AED6DCD90281E5"}}
        """;

    [Test]
    public async Task The_package_event_logs_the_object_the_core_logs_for_the_same_notification()
    {
        var viaPackage = new DropBucket();
        viaPackage.Drop("incoming/partner feed+1.ndjson", Order);
        await new FileIngestFunction(viaPackage.Service(new CapturedLog()))
            .HandleAsync(Lambda.Event<S3Event>(S3Event(Record(Entity))), Lambda.Context(requestId: "req-1"));

        var viaCore = new DropBucket();
        viaCore.Drop("incoming/partner feed+1.ndjson", Order);
        await viaCore.Service(new CapturedLog()).HandleAsync(
            [
                new ObjectNotification("ObjectCreated:Put", new DateTime(2026, 11, 23, 9, 11, 40, 27, DateTimeKind.Utc),
                    DropBucket.Bucket, "incoming/partner+feed%2B1.ndjson", "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd", 114,
                    "0123456789abcdef0123456789abcdef"),
            ],
            Support.Invocations.Create(requestId: "req-1"));

        var item = viaPackage.LogItem("incoming/partner feed+1.ndjson");
        Assert.Multiple(() =>
        {
            Assert.That(ItemJson.Write(item), Is.EqualTo(ItemJson.Write(viaCore.LogItem("incoming/partner feed+1.ndjson"))));
            Assert.That(item["uploadedAt"].S, Is.EqualTo("2026-11-23T09:11:40.027Z"));
            Assert.That(item["size"].N, Is.EqualTo("114"));
            Assert.That(item["versionId"].S, Is.EqualTo("3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"));
            Assert.That(ItemJson.Write(viaPackage.Orders), Is.EqualTo(ItemJson.Write(viaCore.Orders)));
        });
    }

    [Test]
    public void A_record_without_its_s3_section_names_no_bucket_or_key() =>
        Assert.That(async () => await new FileIngestFunction(new DropBucket().Service(new CapturedLog()))
                .HandleAsync(Lambda.Event<S3Event>(S3Event("""{"eventName":"ObjectCreated:Put"}""")), Lambda.Context()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains("no bucket or no object key"));

    [Test]
    public void An_event_without_records_reaches_the_core_as_it_came() =>
        Assert.That(async () => await new FileIngestFunction(new DropBucket().Service(new CapturedLog()))
                .HandleAsync(Lambda.Event<S3Event>("{}"), Lambda.Context()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains("has no 'Records' array"));
}
