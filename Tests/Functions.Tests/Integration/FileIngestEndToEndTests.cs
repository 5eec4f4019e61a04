using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Tests.Ingest;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>The file door against a real drop bucket, orders table and ingest log on the emulator, handed the
/// notification S3 sends.</summary>
[Category("Integration")]
public sealed class FileIngestEndToEndTests
{
    private AwsEmulator _emulator = null!;
    private PipelineResources _pipeline = null!;
    private IngestResources _ingest = null!;
    private IAmazonS3 _s3 = null!;
    private IAmazonDynamoDB _dynamoDb = null!;
    private readonly CapturedLog _log = new();
    private readonly StringWriter _metrics = new();

    [SetUp]
    public async Task CreateResourcesAsync()
    {
        _emulator = EmulatorFixture.Emulator;
        _pipeline = await PipelineResources.CreateAsync(_emulator, PipelineNames.Unique("file"));
        _ingest = await IngestResources.CreateAsync(_emulator, _pipeline);
        _s3 = _emulator.S3();
        _dynamoDb = _emulator.DynamoDb();
    }

    [TearDown]
    public void DisposeClients()
    {
        _s3?.Dispose();
        _dynamoDb?.Dispose();
    }

    private FileIngestService Door(int maxObjectMb = 100) =>
        new(_s3, _dynamoDb, _ingest.FileIngestSettings(maxObjectMb), TimeProvider.System, _log.Log, _metrics);

    private Task InvokeAsync(ObjectNotification notification, string requestId = "req-1", int maxObjectMb = 100) =>
        Door(maxObjectMb).HandleAsync([notification], Invocations.Create(requestId: requestId));

    private async Task<Dictionary<string, AttributeValue>> LogItemAsync(ObjectNotification notification)
    {
        var response = await _dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = _ingest.IngestLogTable,
            Key = new()
            {
                ["objectKey"] = new AttributeValue { S = S3Notification.KeyOf(notification) },
                ["versionId"] = new AttributeValue { S = notification.VersionId },
            },
            ConsistentRead = true,
        });
        return response.Item;
    }

    private async Task<int> OrderCountAsync()
    {
        var count = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = _pipeline.Names.OrdersTable,
                Select = Select.COUNT,
                ExclusiveStartKey = start,
            });
            count += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return count;
    }

    private async Task<Dictionary<string, AttributeValue>> OrderAsync(string orderId) =>
        (await _dynamoDb.GetItemAsync(_pipeline.Names.OrdersTable,
            new() { ["orderId"] = new AttributeValue { S = orderId } })).Item;

    private async Task<List<JsonElement>> RejectsAsync(string key)
    {
        using var response = await _s3.GetObjectAsync(_ingest.DropBucket, "rejects/" + key + ".ndjson");
        using var reader = new StreamReader(response.ResponseStream);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private async Task<int> StreamRecordsAsync() => (await _emulator.Streams.ReadNewAsync(_pipeline.StreamArn)).Count;

    [Test]
    public async Task Valid_orders_are_written_rejects_are_kept_with_line_numbers_and_the_log_says_what_arrived()
    {
        var bad = """{"orderId":"n-bad","customerId":"c","currency":"EUR","items":[{"sku":"A","quantity":0,"unitPrice":1}]}""";
        var content = OrderJson.Valid("n-1") + "\n" + bad + "\n{oops\n" + OrderJson.Valid("n-2") + "\n";
        var notification = await _ingest.DropAsync(_s3, "batch 1.ndjson", content, "application/x-ndjson");

        await InvokeAsync(notification);

        var order = await OrderAsync("n-1");
        var rejects = await RejectsAsync("incoming/batch 1.ndjson");
        var log = await LogItemAsync(notification);
        Assert.Multiple(() =>
        {
            Assert.That(order["items"].L[0].M["unitPrice"].N, Does.StartWith("19.9"));
            Assert.That(order["version"].N, Is.EqualTo("1"));
            Assert.That(order["ingestSource"].S, Is.EqualTo("file"));
            Assert.That(order["ingestObject"].S, Does.StartWith($"s3://{_ingest.DropBucket}/incoming/batch 1.ndjson?versionId="));
            Assert.That(order["createdAt"].S, Is.EqualTo(log["uploadedAt"].S), "file orders are stamped with the upload time");

            Assert.That(rejects.Select(r => r.GetProperty("line").GetInt64()), Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(rejects[0].GetProperty("orderId").GetString(), Is.EqualTo("n-bad"));
            Assert.That(rejects[0].GetProperty("reasons")[0].GetProperty("field").GetString(), Is.EqualTo("items[0].quantity"));
            Assert.That(rejects[0].GetProperty("record").GetString(), Is.EqualTo(bad));
            Assert.That(rejects[1].GetProperty("reasons")[0].GetProperty("reason").GetString(), Is.EqualTo("is not valid JSON"));

            Assert.That(log["status"].S, Is.EqualTo("COMPLETED_WITH_REJECTS"));
            Assert.That(log["bucket"].S, Is.EqualTo(_ingest.DropBucket));
            Assert.That(log["size"].N, Is.EqualTo(Encoding.UTF8.GetByteCount(content).ToString()));
            Assert.That(log["eTag"].S, Is.Not.Empty);
            Assert.That(log["contentType"].S, Is.EqualTo("application/x-ndjson"));
            Assert.That(log["requestId"].S, Is.EqualTo("req-1"));
            Assert.That(log["recordsRead"].N, Is.EqualTo("4"));
            Assert.That(log["recordsWritten"].N, Is.EqualTo("2"));
            Assert.That(log["recordsRejected"].N, Is.EqualTo("2"));
            Assert.That(log["rejectsKey"].S, Is.EqualTo("rejects/incoming/batch 1.ndjson.ndjson"));
            Assert.That(log.ContainsKey("durationMs"), Is.True);
            Assert.That(log.ContainsKey("error"), Is.False);
        });
    }

    [Test]
    public async Task The_same_file_delivered_twice_writes_its_orders_once()
    {
        var content = string.Join("\n", Enumerable.Range(1, 30).Select(i => OrderJson.Valid($"d-{i}")));
        var notification = await _ingest.DropAsync(_s3, "twice.jsonl", content);

        await InvokeAsync(notification, requestId: "req-first");
        var afterFirst = await StreamRecordsAsync();
        await InvokeAsync(notification, requestId: "req-second");
        var afterSecond = await StreamRecordsAsync();

        var log = await LogItemAsync(notification);
        Assert.Multiple(() =>
        {
            Assert.That(afterFirst, Is.EqualTo(30), "one stream record per order");
            Assert.That(afterSecond, Is.Zero, "the redelivery wrote nothing");
            Assert.That(log["requestId"].S, Is.EqualTo("req-first"));
            Assert.That(log["status"].S, Is.EqualTo("COMPLETED"));
            Assert.That(_log.WithMessage("object already ingested (redelivery): nothing written"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_file_of_10000_csv_orders_is_written_whole()
    {
        var csv = new StringBuilder("orderId,customerId,currency,sku,quantity,unitPrice\n");
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append($"big-{i},c-{i % 97},EUR,A-{i % 13},{1 + i % 5},{i % 1000}.{i % 100:00}\n");
        }

        var notification = await _ingest.DropAsync(_s3, "big.csv", csv.ToString(), "text/csv");
        await InvokeAsync(notification);

        var log = await LogItemAsync(notification);
        var sample = await OrderAsync("big-1234");
        Assert.Multiple(async () =>
        {
            Assert.That(log["status"].S, Is.EqualTo("COMPLETED"));
            Assert.That(log["recordsRead"].N, Is.EqualTo("10000"));
            Assert.That(log["recordsWritten"].N, Is.EqualTo("10000"));
            Assert.That(log["format"].S, Is.EqualTo("csv"));
            Assert.That(await OrderCountAsync(), Is.EqualTo(10_000));
            Assert.That(sample["items"].L[0].M["unitPrice"].N, Is.EqualTo("234.34"));
        });
    }

    [Test]
    public async Task An_object_over_the_limit_is_logged_failed_and_nothing_of_it_is_written()
    {
        var content = string.Join("\n", Enumerable.Range(1, 12000).Select(i => OrderJson.Valid($"l-{i}")));
        Assert.That(Encoding.UTF8.GetByteCount(content), Is.GreaterThan(1024 * 1024));
        var notification = await _ingest.DropAsync(_s3, "large.ndjson", content);

        await InvokeAsync(notification, maxObjectMb: 1);

        var log = await LogItemAsync(notification);
        var metrics = JsonDocument.Parse(_metrics.ToString().Trim()).RootElement;
        Assert.Multiple(async () =>
        {
            Assert.That(log["status"].S, Is.EqualTo("FAILED"));
            Assert.That(log["error"].S, Does.Contain("the limit is 1048576 (MAX_OBJECT_MB)"));
            Assert.That(log["recordsWritten"].N, Is.EqualTo("0"));
            Assert.That(log["retryable"].BOOL, Is.False);
            Assert.That(await OrderCountAsync(), Is.Zero);
            Assert.That(metrics.GetProperty("IngestFilesFailed").GetInt32(), Is.EqualTo(1));
            Assert.That(metrics.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics")[0]
                .GetProperty("Name").GetString(), Is.EqualTo("IngestFilesFailed"));
        });
    }

    [Test]
    public async Task A_json_array_that_breaks_off_is_failed_with_what_was_written_before_it()
    {
        var content = "[\n" + OrderJson.Valid("j-1") + ",\n" + OrderJson.Valid("j-2") + ",\n{\"orderId\": broken\n";
        var notification = await _ingest.DropAsync(_s3, "broken.json", content, "application/json");

        await InvokeAsync(notification);

        var log = await LogItemAsync(notification);
        Assert.Multiple(async () =>
        {
            Assert.That(log["status"].S, Is.EqualTo("FAILED"));
            Assert.That(log["error"].S, Does.Contain("not a valid JSON array"));
            Assert.That(log["recordsWritten"].N, Is.EqualTo("2"), "the log says exactly what was written");
            Assert.That(await OrderCountAsync(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_transient_failure_fails_the_invocation_and_lambdas_retry_finishes_the_object()
    {
        var notification = await _ingest.DropAsync(_s3, "retry.ndjson", OrderJson.Valid("r-1"));
        var broken = new FileIngestService(_s3, _dynamoDb,
            _ingest.FileIngestSettings() with { OrdersTableName = "no-such-table" }, TimeProvider.System, _log.Log, _metrics);

        Assert.That(() => broken.HandleAsync([notification], Invocations.Create(requestId: "req-9")),
            Throws.TypeOf<AggregateException>());
        var failed = await LogItemAsync(notification);
        Assert.Multiple(() =>
        {
            Assert.That(failed["status"].S, Is.EqualTo("FAILED"));
            Assert.That(failed["retryable"].BOOL, Is.True);
            Assert.That(failed["error"].S, Does.Contain("ResourceNotFound"));
        });

        // Lambda's asynchronous retry keeps the request id.
        await InvokeAsync(notification, requestId: "req-9");
        var retried = await LogItemAsync(notification);
        Assert.That(retried["status"].S, Is.EqualTo("COMPLETED"));
        Assert.That((await OrderAsync("r-1"))["customerId"].S, Is.EqualTo("c-42"));
    }

    [Test]
    public async Task An_object_outside_the_incoming_prefix_is_ignored()
    {
        var put = await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _ingest.DropBucket,
            Key = "rejects/incoming/x.ndjson.ndjson",
            ContentBody = OrderJson.Valid(),
        });
        await InvokeAsync(S3Notification.ObjectCreated(_ingest.DropBucket, "rejects/incoming/x.ndjson.ndjson", 10,
            put.ETag, put.VersionId, DateTimeOffset.UtcNow));
        Assert.That(await OrderCountAsync(), Is.Zero);
    }

    [Test]
    public async Task A_file_with_every_kind_of_bad_line_writes_every_good_order_and_the_invocation_succeeds()
    {
        var content = "\uFEFF" + OrderJson.Valid("m-1") + "\n" +
                      OrderJson.Valid("m-\\ud800") + "\n" +
                      """{"orderId":"m-name","customerId":"c","currency":"EUR","\udc00":1,"items":[{"sku":"A","quantity":1,"unitPrice":1}]}""" + "\n" +
                      OrderJson.Valid("m-2") + "\n" +
                      OrderJson.Valid("m-range").Replace("\"quantity\":2", "\"quantity\":2,\"w\":1E+126") + "\n" +
                      OrderJson.Valid("m-deep").Replace("\"quantity\":2", "\"quantity\":2,\"d\":" +
                          string.Concat(Enumerable.Repeat("[", 31)) + "1" + new string(']', 31)) + "\n" +
                      OrderJson.Valid("m-3") + "\n";
        var notification = await _ingest.DropAsync(_s3, "mix.ndjson", content);

        await InvokeAsync(notification);

        var log = await LogItemAsync(notification);
        var rejects = await RejectsAsync("incoming/mix.ndjson");
        Assert.Multiple(async () =>
        {
            Assert.That(log["status"].S, Is.EqualTo("COMPLETED_WITH_REJECTS"));
            Assert.That(log["recordsWritten"].N, Is.EqualTo("3"));
            Assert.That(await OrderCountAsync(), Is.EqualTo(3));
            Assert.That(rejects.Select(r => r.GetProperty("line").GetInt64()), Is.EqualTo(new long[] { 2, 3, 5, 6 }));
        });
    }

    [Test]
    public async Task Csv_orders_are_written_whole_or_not_at_all()
    {
        var big = string.Concat(Enumerable.Range(0, 3).Select(i => $"big,c,EUR,S{i},1,1,{new string('n', 150_000)}\n"));
        var csv = "orderId,customerId,currency,sku,quantity,unitPrice,notes\n" +
                  "so-1,c,EUR,A,1,1,\nso-2,c,EUR,B,1,1,\nso-1,c,EUR,C,1,1,\n" + big + "small,c,EUR,A,1,1,\"  kept  \"\n";
        var notification = await _ingest.DropAsync(_s3, "whole.csv", csv, "text/csv");

        await InvokeAsync(notification);

        var log = await LogItemAsync(notification);
        var rejects = await RejectsAsync("incoming/whole.csv");
        var small = await OrderAsync("small");
        Assert.Multiple(async () =>
        {
            Assert.That(log["status"].S, Is.EqualTo("COMPLETED_WITH_REJECTS"));
            Assert.That(await OrderCountAsync(), Is.EqualTo(2), "so-2 and small");
            Assert.That(await OrderAsync("so-1"), Is.Null.Or.Empty, "no part of a split order is written");
            Assert.That(rejects.Select(r => r.GetProperty("orderId").GetString()), Is.EqualTo(new[] { "so-1", "so-1", "big" }));
            Assert.That(small["items"].L[0].M["notes"].S, Is.EqualTo("  kept  "));
        });
    }
}
