using Amazon.DynamoDBv2;
using Amazon.S3.Model;
using Moq;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

/// <summary>The file door on S3 notifications, over strict mocks of S3 and DynamoDB (<see cref="DropBucket"/>).</summary>
public sealed class FileIngestServiceTests
{
    private const string Good = """{"orderId":"o-1","customerId":"c-1","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":"2.50"}]}""";
    private const string Bad = """{"orderId":"o-2","customerId":"c-1","currency":"eur","items":[]}""";

    private readonly DropBucket _drop = new();
    private readonly CapturedLog _log = new();
    private readonly CapturedLog _metrics = new();

    private Task IngestAsync(params ObjectNotification[] notifications) =>
        _drop.Service(_log, _metrics.Output).HandleAsync(notifications, Invocations.Create(requestId: "req-1"));

    [Test]
    public async Task An_object_is_claimed_read_written_and_its_log_item_says_what_became_of_it()
    {
        _drop.Drop("incoming/a.ndjson", Good + "\n" + Bad + "\n", "application/x-ndjson");
        await IngestAsync(DropBucket.Created("incoming/a.ndjson"));

        var item = _drop.LogItem("incoming/a.ndjson");
        Assert.Multiple(() =>
        {
            Assert.That(_drop.LogWrites.Select(w => w["status"].S), Is.EqualTo(new[] { "PROCESSING", "COMPLETED_WITH_REJECTS" }));
            Assert.That(_drop.Orders.Select(o => o["orderId"].S), Is.EqualTo(new[] { "o-1" }));
            Assert.That(item["recordsRead"].N, Is.EqualTo("2"));
            Assert.That(item["recordsWritten"].N, Is.EqualTo("1"));
            Assert.That(item["recordsRejected"].N, Is.EqualTo("1"));
            Assert.That(item["rejectsKey"].S, Is.EqualTo("rejects/incoming/a.ndjson.ndjson"));
            Assert.That(item["contentType"].S, Is.EqualTo("application/x-ndjson"));
            Assert.That(item["requestId"].S, Is.EqualTo("req-1"));
            Assert.That(item.ContainsKey("leaseUntil"), Is.False, "a finished item holds no lease");
            Assert.That(_drop.Puts.Single().Key, Is.EqualTo("rejects/incoming/a.ndjson.ndjson"));
            Assert.That(_drop.Puts.Single().ContentType, Is.EqualTo(RejectsFile.ContentType));
            Assert.That(_log.WithMessage("object ingested").Single().GetProperty("status").GetString(),
                Is.EqualTo("COMPLETED_WITH_REJECTS"));
        });
    }

    [Test]
    public async Task The_claim_holds_the_object_for_the_invocations_remaining_time()
    {
        _drop.Drop("incoming/a.ndjson", Good);
        await _drop.Service(_log).HandleAsync([DropBucket.Created("incoming/a.ndjson")],
            Invocations.Create(remaining: TimeSpan.FromSeconds(90)));
        Assert.That(_drop.LogWrites[0]["leaseUntil"].N,
            Is.EqualTo((FixedTime.Default + TimeSpan.FromSeconds(90)).ToUnixTimeMilliseconds().ToString()));
    }

    [Test]
    public async Task A_redelivered_event_finds_the_finished_item_and_writes_nothing()
    {
        _drop.Drop("incoming/a.ndjson", Good);
        await IngestAsync(DropBucket.Created("incoming/a.ndjson"));
        await _drop.Service(_log).HandleAsync([DropBucket.Created("incoming/a.ndjson")], Invocations.Create(requestId: "req-2"));
        var skipped = _log.WithMessage("object already ingested (redelivery): nothing written").Single();
        Assert.Multiple(() =>
        {
            Assert.That(_drop.Orders, Has.Count.EqualTo(1));
            Assert.That(skipped.GetProperty("byRequestId").GetString(), Is.EqualTo("req-1"));
            Assert.That(skipped.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
        });
    }

    [TestCase("ObjectRemoved:Delete", "incoming/a.ndjson")]
    [TestCase("ObjectCreated:Put", "rejects/incoming/a.ndjson.ndjson")]
    [TestCase("ObjectCreated:Put", "other/a.ndjson")]
    public async Task An_event_that_is_not_an_object_created_under_incoming_is_logged_and_ignored(string eventName, string key)
    {
        await IngestAsync(DropBucket.Created(key, eventName: eventName));
        Assert.That(_log.WithMessage("event ignored: not an object created under incoming/").Single()
            .GetProperty("key").GetString(), Is.EqualTo(key));
        _drop.S3.VerifyNoOtherCalls();
        _drop.DynamoDb.VerifyNoOtherCalls();
    }

    [Test]
    public void Input_without_records_fails_the_invocation_naming_it() =>
        Assert.That(async () => await _drop.Service(_log).HandleAsync(null, Invocations.Create()),
            Throws.TypeOf<InvalidEventException>().With.Message.EqualTo("The input is not an S3 event: it has no 'Records' array."));

    [Test]
    public void A_null_record_fails_the_invocation_naming_its_index() =>
        Assert.That(async () => await IngestAsync(DropBucket.Created("incoming/other.csv", eventName: "ObjectRemoved:Delete"), null!),
            Throws.TypeOf<InvalidEventException>().With.Message.EqualTo("Records[1] is null; the input is not an S3 event."));

    [TestCase(null, "incoming/a.ndjson")]
    [TestCase(DropBucket.Bucket, null)]
    [TestCase(DropBucket.Bucket, "")]
    public void A_record_without_bucket_or_key_fails_the_invocation(string? bucket, string? key) =>
        Assert.That(async () => await IngestAsync(DropBucket.Created("incoming/a.ndjson") with { Bucket = bucket, Key = key }),
            Throws.TypeOf<InvalidEventException>().With.Message.EqualTo("An S3 event record names no bucket or no object key."));

    [Test]
    public async Task The_key_is_url_decoded_before_the_object_is_read()
    {
        _drop.Drop("incoming/partner feed+1.ndjson", Good);
        await IngestAsync(DropBucket.Created("incoming/partner+feed%2B1.ndjson"));
        Assert.Multiple(() =>
        {
            Assert.That(_drop.LogItem("incoming/partner feed+1.ndjson")["status"].S, Is.EqualTo("COMPLETED"));
            Assert.That(_drop.Orders.Single()["ingestObject"].S, Is.EqualTo($"s3://{DropBucket.Bucket}/incoming/partner feed+1.ndjson"));
        });
    }

    [Test]
    public async Task A_versioned_object_is_read_at_its_version_and_logged_under_it()
    {
        _drop.Drop("incoming/a.ndjson", Good);
        await IngestAsync(DropBucket.Created("incoming/a.ndjson", versionId: "v-7"));
        Assert.Multiple(() =>
        {
            _drop.S3.Verify(s => s.GetObjectAsync(It.Is<GetObjectRequest>(r => r.VersionId == "v-7"), It.IsAny<CancellationToken>()));
            Assert.That(_drop.LogItem("incoming/a.ndjson")["versionId"].S, Is.EqualTo("v-7"));
        });
    }

    [Test]
    public async Task An_object_over_the_size_limit_is_failed_for_good_without_reading_it()
    {
        await IngestAsync(DropBucket.Created("incoming/big.ndjson", size: 200L * 1024 * 1024));
        var item = _drop.LogItem("incoming/big.ndjson");
        Assert.Multiple(() =>
        {
            Assert.That(item["status"].S, Is.EqualTo("FAILED"));
            Assert.That(item["retryable"].BOOL, Is.False);
            Assert.That(item["error"].S, Does.StartWith("The object has 209715200 bytes; the limit is 104857600 (MAX_OBJECT_MB)"));
            _drop.S3.Verify(s => s.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        });
    }

    [Test]
    public async Task An_object_that_is_gone_or_has_an_unknown_extension_is_failed_for_good()
    {
        await IngestAsync(DropBucket.Created("incoming/gone.ndjson"), DropBucket.Created("incoming/a.txt"));
        Assert.Multiple(() =>
        {
            Assert.That(_drop.LogItem("incoming/gone.ndjson")["error"].S, Is.EqualTo("The object (this version) no longer exists."));
            Assert.That(_drop.LogItem("incoming/a.txt")["error"].S, Does.StartWith("The key's extension is not one this door reads"));
            Assert.That(_drop.LogItem("incoming/a.txt")["retryable"].BOOL, Is.False);
        });
    }

    [Test]
    public async Task A_transient_failure_fails_the_invocation_after_every_object_was_tried_and_a_retry_takes_it_over()
    {
        _drop.Drop("incoming/a.ndjson", Good);
        _drop.Drop("incoming/b.ndjson", Good.Replace("o-1", "o-9"));
        _drop.FailBatchWrite = new AmazonDynamoDBException("Throughput exceeded");

        var failure = Assert.ThrowsAsync<AggregateException>(async () =>
            await IngestAsync(DropBucket.Created("incoming/a.ndjson"), DropBucket.Created("incoming/b.ndjson")));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.StartWith("Ingest failed for a reason a retry may fix; see the ingest log."));
            Assert.That(failure.InnerExceptions, Has.Count.EqualTo(2));
            Assert.That(_drop.LogItem("incoming/a.ndjson")["status"].S, Is.EqualTo("FAILED"));
            Assert.That(_drop.LogItem("incoming/a.ndjson")["retryable"].BOOL, Is.True);
            Assert.That(_drop.LogItem("incoming/a.ndjson")["error"].S, Is.EqualTo("AmazonDynamoDBException: Throughput exceeded"));
        });

        _drop.FailBatchWrite = null;
        await _drop.Service(_log).HandleAsync([DropBucket.Created("incoming/a.ndjson")], Invocations.Create(requestId: "req-2"));
        Assert.That(_drop.LogItem("incoming/a.ndjson")["status"].S, Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task A_rejects_file_that_cannot_be_written_is_a_transient_failure()
    {
        _drop.Drop("incoming/a.ndjson", Bad);
        _drop.FailPut = new Amazon.S3.AmazonS3Exception("Slow Down");
        Assert.ThrowsAsync<AggregateException>(async () => await IngestAsync(DropBucket.Created("incoming/a.ndjson")));
        var item = _drop.LogItem("incoming/a.ndjson");
        Assert.Multiple(() =>
        {
            Assert.That(item["error"].S, Is.EqualTo("The rejects file could not be written: AmazonS3Exception: Slow Down"));
            Assert.That(item["retryable"].BOOL, Is.True);
            Assert.That(item.ContainsKey("rejectsKey"), Is.False);
        });
    }

    [Test]
    public async Task Each_object_writes_one_metrics_line_under_the_function_name_or_unknown()
    {
        _drop.Drop("incoming/a.ndjson", Good + "\n" + Bad);
        await _drop.Service(_log, _metrics.Output).HandleAsync([DropBucket.Created("incoming/a.ndjson")],
            new Invocation("req-1", TimeSpan.FromMinutes(1), FunctionName: null!));
        var line = _metrics.WithMessage("metrics").Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("Function").GetString(), Is.EqualTo("unknown"));
            Assert.That(line.GetProperty("requestId").GetString(), Is.EqualTo("req-1"));
            Assert.That(line.GetProperty(IngestMetrics.OrdersWritten).GetInt32(), Is.EqualTo(1));
            Assert.That(line.GetProperty(IngestMetrics.OrdersRejected).GetInt32(), Is.EqualTo(1));
            Assert.That(line.GetProperty(IngestMetrics.FilesFailed).GetInt32(), Is.Zero);
            Assert.That(_log.WithMessage("metrics"), Is.Empty, "metrics go to their own writer");
        });
    }
}
