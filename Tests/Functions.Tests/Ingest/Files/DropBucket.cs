using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

/// <summary>
/// Strict mocks of S3 and DynamoDB for the file door: objects the test drops are served by GetObject, and every
/// PutObject (the rejects file), ingest-log PutItem (claim and completion) and BatchWriteItem (orders) is recorded.
/// The ingest log behaves as DynamoDB's conditions do for one invocation: a key already finished refuses the claim.
/// </summary>
internal sealed class DropBucket
{
    public const string Bucket = "dev-order-drop-123456789012-backend";
    public const string OrdersTable = "dev-orders-table-backend";
    public const string IngestLogTable = "dev-ingest-log-backend";

    private readonly Dictionary<string, (byte[] Body, string ContentType)> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, AttributeValue>> _log = new(StringComparer.Ordinal);

    public DropBucket()
    {
        S3.Setup(s => s.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns((GetObjectRequest request, CancellationToken _) => Task.FromResult(Get(request)));
        S3.Setup(s => s.PutObjectAsync(It.IsAny<PutObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (PutObjectRequest request, CancellationToken ct) =>
            {
                if (FailPut is { } failure)
                {
                    throw failure;
                }

                using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
                Puts.Add((request.BucketName, request.Key, request.ContentType, await reader.ReadToEndAsync(ct)));
                return new PutObjectResponse();
            });
        DynamoDb.Setup(d => d.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns((PutItemRequest request, CancellationToken _) => Task.FromResult(PutLogItem(request)));
        DynamoDb.Setup(d => d.BatchWriteItemAsync(It.IsAny<BatchWriteItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns((BatchWriteItemRequest request, CancellationToken _) =>
            {
                if (FailBatchWrite is { } failure)
                {
                    throw failure;
                }

                Orders.AddRange(request.RequestItems[OrdersTable].Select(w => w.PutRequest.Item));
                return Task.FromResult(new BatchWriteItemResponse());
            });
    }

    public Mock<IAmazonS3> S3 { get; } = new(MockBehavior.Strict);

    public Mock<IAmazonDynamoDB> DynamoDb { get; } = new(MockBehavior.Strict);

    public FileIngestSettings Settings { get; init; } = new()
    {
        OrdersTableName = OrdersTable,
        IngestLogTableName = IngestLogTable,
        Metrics = new MetricsSettings { Environment = "dev" },
    };

    /// <summary>Every rejects file written: bucket, key, content type, body.</summary>
    public List<(string Bucket, string Key, string ContentType, string Body)> Puts { get; } = [];

    /// <summary>Every order item written, in write order.</summary>
    public List<Dictionary<string, AttributeValue>> Orders { get; } = [];

    /// <summary>Every ingest-log item written (claims and completions), in order.</summary>
    public List<Dictionary<string, AttributeValue>> LogWrites { get; } = [];

    public Exception? FailBatchWrite { get; set; }

    public Exception? FailPut { get; set; }

    /// <summary>The ingest-log item of an object as it stands.</summary>
    public Dictionary<string, AttributeValue> LogItem(string key) => _log[key];

    public void Drop(string key, string body, string contentType = "application/octet-stream") =>
        _objects[key] = (Encoding.UTF8.GetBytes(body), contentType);

    public FileIngestService Service(CapturedLog log, TextWriter? metrics = null) =>
        new(S3.Object, DynamoDb.Object, Settings, new FixedTime(), log.Log, metrics ?? TextWriter.Null);

    /// <summary>An S3 notification record for an object dropped here, the key URL-encoded as S3 sends it.</summary>
    public static ObjectNotification Created(string encodedKey, long size = 100, string? versionId = null,
        string eventName = "ObjectCreated:Put") =>
        new(eventName, new DateTime(2026, 11, 23, 9, 11, 40, 27, DateTimeKind.Utc), Bucket, encodedKey, versionId, size,
            "0123456789abcdef0123456789abcdef");

    private GetObjectResponse Get(GetObjectRequest request)
    {
        Assert.That(request.BucketName, Is.EqualTo(Bucket));
        if (!_objects.TryGetValue(request.Key, out var dropped))
        {
            throw new AmazonS3Exception("The specified key does not exist.")
            {
                StatusCode = System.Net.HttpStatusCode.NotFound,
                ErrorCode = "NoSuchKey",
            };
        }

        var response = new GetObjectResponse
        {
            ResponseStream = new MemoryStream(dropped.Body),
            ContentLength = dropped.Body.Length,
        };
        response.Headers.ContentType = dropped.ContentType;
        return response;
    }

    /// <summary>The two conditions of <see cref="IngestLogStore"/>: a claim takes an absent item, this invocation's
    /// own, a lease that ran out or a retryable FAILED; a completion needs the item to still be this
    /// invocation's.</summary>
    private PutItemResponse PutLogItem(PutItemRequest request)
    {
        Assert.That(request.TableName, Is.EqualTo(IngestLogTable));
        var key = request.Item[IngestLogItem.HashKey].S;
        var requestId = request.Item["requestId"].S;
        _log.TryGetValue(key, out var existing);
        var claim = request.ConditionExpression.StartsWith("attribute_not_exists", StringComparison.Ordinal);
        var allowed = claim
            ? existing is null || existing["requestId"].S == requestId
              || (existing["status"].S == IngestStatus.Failed && existing["retryable"].BOOL == true)
              || (existing["status"].S == IngestStatus.Processing
                  && long.Parse(existing["leaseUntil"].N) < long.Parse(request.ExpressionAttributeValues[":now"].N))
            : existing?["requestId"].S == requestId;
        if (!allowed)
        {
            throw new ConditionalCheckFailedException("The conditional request failed") { Item = existing };
        }

        LogWrites.Add(request.Item);
        _log[key] = request.Item;
        return new PutItemResponse();
    }
}
