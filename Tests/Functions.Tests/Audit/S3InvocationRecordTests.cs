using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Audit;

/// <summary>Lambda's on-failure record of an asynchronous invocation with an S3 notification (the file ingest
/// function, after its retries) is audited as its own failure type, with the object it was about.</summary>
public sealed class S3InvocationRecordTests
{
    private static QueueMessage Message() => QueueFixtures.S3InvocationFailure();

    [Test]
    public void An_s3_invocation_record_is_the_s3_failure_type_with_the_object_and_the_error()
    {
        var item = AuditItemMapper.Map(Message(), FixedTime.Default);
        Assert.Multiple(() =>
        {
            Assert.That(item["failureType"].S, Is.EqualTo(FailureTypes.S3InvocationFailed));
            Assert.That(item["condition"].S, Is.EqualTo("RetriesExhausted"), "Lambda's condition is kept");
            Assert.That(item["auditId"].S, Is.EqualTo("0e2a7c52-1f0e-4b8e-9d55-2f6a8a1c4e10"));
            Assert.That(item["timestamp"].S, Is.EqualTo("2026-11-23T09:14:41.112Z"));
            Assert.That(item["approximateInvokeCount"].N, Is.EqualTo("3"));
            Assert.That(item["functionError"].S, Is.EqualTo("Unhandled"));
            Assert.That(item["s3Bucket"].S, Is.EqualTo("dev-order-drop-123456789012-backend"));
            Assert.That(item["s3Key"].S, Is.EqualTo("incoming/partner feed+1.csv"), "the key is URL-decoded");
            Assert.That(item["s3VersionId"].S, Is.EqualTo("3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"));
            Assert.That(item["s3ETag"].S, Is.EqualTo("0123456789abcdef0123456789abcdef"));
            Assert.That(item["s3EventName"].S, Is.EqualTo("ObjectCreated:Put"));
            Assert.That(item["s3EventTime"].S, Is.EqualTo("2026-11-23T09:11:40.027Z"));
            Assert.That(item["s3ObjectCount"].N, Is.EqualTo("1"));
            Assert.That(item["errorType"].S, Is.EqualTo("AggregateException"));
            Assert.That(item["errorMessage"].S, Does.StartWith("Ingest failed"));
            Assert.That(item.ContainsKey("streamArn"), Is.False);
        });
    }

    [Test]
    public void A_stream_failure_record_keeps_its_condition_as_the_failure_type()
    {
        var stream = QueueFixtures.DlqEvent()[0];
        var item = AuditItemMapper.Map(stream, FixedTime.Default);
        Assert.That(item["failureType"].S, Is.EqualTo("RetryAttemptsExhausted"));
        Assert.That(item.ContainsKey("s3Key"), Is.False);
    }

    [TestCase("""{"requestContext":{"condition":"RetriesExhausted"},"requestPayload":{"Records":[{"eventSource":"aws:sqs"}]}}""")]
    [TestCase("""{"requestContext":{"condition":"RetriesExhausted"},"requestPayload":{"detail":1}}""")]
    [TestCase("""{"requestContext":{"condition":"RetriesExhausted"},"requestPayload":"text"}""")]
    public void An_async_record_with_another_payload_keeps_lambdas_condition(string body)
    {
        var item = AuditItemMapper.Map(new QueueMessage("m-1", body), FixedTime.Default);
        Assert.That(item["failureType"].S, Is.EqualTo("RetriesExhausted"));
    }
}
