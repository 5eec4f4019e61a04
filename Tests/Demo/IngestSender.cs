using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Demo;

/// <summary>
/// Sends orders through both doors as the Lambda layer hands them to the core: API Gateway's requests into the HTTP
/// door, and the S3 notification for a dropped CSV file into the file door.
/// </summary>
internal sealed class IngestSender(IAmazonS3 s3, IAmazonDynamoDB dynamoDb, PipelineResources pipeline,
    IngestResources ingest, JsonLog log)
{
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FileTimeout = TimeSpan.FromMinutes(15);

    public List<string> Accepted { get; } = [];

    public int RejectedByHttp { get; private set; }

    public List<(string Key, int Rejected)> Files { get; } = [];

    public List<string> Lines { get; } = [];

    public async Task SendAsync()
    {
        var http = new HttpIngestService(new DynamoDbOrderStore(dynamoDb, pipeline.Names.OrdersTable), TimeProvider.System, log);
        var order = """{"orderId":"h-2001","customerId":"c-42","currency":"EUR","channel":"web","items":[{"sku":"A-1","quantity":2,"unitPrice":19.90}]}""";
        (string Label, string Body, string? IfMatch)[] requests =
        [
            ("new order", order, null),
            ("same order again (retry)", order, null),
            ("same id, other body", order.Replace("c-42", "c-99"), null),
            ("update with If-Match", order.Replace("c-42", "c-99"), "\"1\""),
            ("another new order", order.Replace("h-2001", "h-2002").Replace("19.90", "\"7.50\""), null),
            ("invalid order", """{"orderId":"h-2003","currency":"eur","items":[{"sku":"A-1","quantity":0,"unitPrice":1.999}]}""", null),
        ];
        var number = 0;
        foreach (var (label, body, ifMatch) in requests)
        {
            var request = ApiGatewayRequests.PostOrder(body, $"demo-req-{++number}", ifMatch);
            var response = await http.HandleAsync(request, new Invocation($"demo-lambda-{number}", HttpTimeout, "local-http-ingest"));
            Lines.Add($"  POST /orders  {label,-26} → {response.StatusCode}  {Summary(response)}");
            if (response.StatusCode is 200 or 201)
            {
                var id = System.Text.Json.JsonDocument.Parse(response.Body).RootElement.GetProperty("orderId").GetString()!;
                if (!Accepted.Contains(id))
                {
                    Accepted.Add(id);
                }
            }
            else if (response.StatusCode == 400)
            {
                RejectedByHttp++;
            }
        }

        var csv = "orderId,customerId,currency,sku,quantity,unitPrice,note\n" +
                  "f-3001,c-5,EUR,A-1,1,10.00,\n" +
                  "f-3001,c-5,EUR,B-2,3,2.50,gift\n" +
                  "f-3002,c-6,USD,C-3,1,99.99,\n" +
                  "f-3003,c-7,CHF,D-4,0,1.00,\n";
        var notification = await ingest.DropAsync(s3, "partner-feed.csv", csv, "text/csv");
        var file = new FileIngestService(s3, dynamoDb, ingest.FileIngestSettings(), TimeProvider.System, log, TextWriter.Null);
        await file.HandleAsync([notification], new Invocation("demo-file-1", FileTimeout, "local-file-ingest"));
        // S3 delivers at least once: the same event again writes nothing.
        await file.HandleAsync([notification], new Invocation("demo-file-2", FileTimeout, "local-file-ingest"));

        var key = S3Notification.KeyOf(notification);
        var item = (await dynamoDb.GetItemAsync(ingest.IngestLogTable, new Dictionary<string, AttributeValue>
        {
            ["objectKey"] = new() { S = key },
            ["versionId"] = new() { S = notification.VersionId },
        })).Item;
        var rejected = int.Parse(item["recordsRejected"].N, System.Globalization.CultureInfo.InvariantCulture);
        Files.Add((key, rejected));
        Lines.Add($"  s3://{ingest.DropBucket}/{key}  {item["status"].S}: read {item["recordsRead"].N}, " +
                  $"written {item["recordsWritten"].N}, rejected {rejected} (→ {item.GetValueOrDefault("rejectsKey")?.S}); " +
                  "delivered twice, written once");
        Accepted.AddRange(["f-3001", "f-3002"]);
    }

    private static string Summary(HttpResult response)
    {
        var body = System.Text.Json.JsonDocument.Parse(response.Body).RootElement;
        return body.TryGetProperty("status", out var status) && status.ValueKind == System.Text.Json.JsonValueKind.String
            ? $"{status.GetString()} v{body.GetProperty("version").GetInt64()}"
            : body.GetProperty("title").GetString() + (body.TryGetProperty("errors", out var errors)
                ? $" ({string.Join(", ", errors.EnumerateArray().Select(e => e.GetProperty("field").GetString()))})"
                : string.Empty);
    }
}
