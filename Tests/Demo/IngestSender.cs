using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.S3Events;
using Amazon.Lambda.TestUtilities;
using Amazon.S3;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Serialization;

namespace OrdersPipeline.Demo;

/// <summary>
/// Sends orders through both doors the way Lambda would invoke the handlers: API Gateway proxy events into the HTTP
/// ingest function, and an S3 notification for a dropped CSV file into the file ingest function.
/// </summary>
internal sealed class IngestSender(IAmazonS3 s3, IAmazonDynamoDB dynamoDb, PipelineResources pipeline,
    IngestResources ingest, JsonLog log)
{
    private static readonly FunctionsLambdaSerializer Serializer = new();

    public List<string> Accepted { get; } = [];

    public int RejectedByHttp { get; private set; }

    public List<(string Key, int Rejected)> Files { get; } = [];

    public List<string> Lines { get; } = [];

    public async Task SendAsync()
    {
        var http = new HttpIngestFunction(new DynamoDbOrderStore(dynamoDb, pipeline.Names.OrdersTable), TimeProvider.System, log);
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
            var request = Serializer.Deserialize<APIGatewayProxyRequest>(
                new MemoryStream(Encoding.UTF8.GetBytes(ApiGatewayEvents.PostOrder(body, $"demo-req-{++number}", ifMatch))));
            var response = await http.HandleAsync(request, new TestLambdaContext { AwsRequestId = $"demo-lambda-{number}" });
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
        var file = new FileIngestFunction(s3, dynamoDb, ingest.FileIngestSettings(), TimeProvider.System, log, TextWriter.Null);
        var s3Event = Serializer.Deserialize<S3Event>(new MemoryStream(Encoding.UTF8.GetBytes(notification)));
        await file.HandleAsync(s3Event, new TestLambdaContext { AwsRequestId = "demo-file-1", RemainingTime = TimeSpan.FromMinutes(15) });
        // S3 delivers at least once: the same event again writes nothing.
        await file.HandleAsync(s3Event, new TestLambdaContext { AwsRequestId = "demo-file-2", RemainingTime = TimeSpan.FromMinutes(15) });

        var entry = s3Event.Records[0].S3.Object;
        var item = (await dynamoDb.GetItemAsync(ingest.IngestLogTable, new Dictionary<string, AttributeValue>
        {
            ["objectKey"] = new() { S = entry.KeyDecoded },
            ["versionId"] = new() { S = entry.VersionId },
        })).Item;
        var rejected = int.Parse(item["recordsRejected"].N, System.Globalization.CultureInfo.InvariantCulture);
        Files.Add((entry.KeyDecoded, rejected));
        Lines.Add($"  s3://{ingest.DropBucket}/{entry.KeyDecoded}  {item["status"].S}: read {item["recordsRead"].N}, " +
                  $"written {item["recordsWritten"].N}, rejected {rejected} (→ {item.GetValueOrDefault("rejectsKey")?.S}); " +
                  "delivered twice, written once");
        Accepted.AddRange(["f-3001", "f-3002"]);
    }

    private static string Summary(APIGatewayProxyResponse response)
    {
        var body = System.Text.Json.JsonDocument.Parse(response.Body).RootElement;
        return body.TryGetProperty("status", out var status) && status.ValueKind == System.Text.Json.JsonValueKind.String
            ? $"{status.GetString()} v{body.GetProperty("version").GetInt64()}"
            : body.GetProperty("title").GetString() + (body.TryGetProperty("errors", out var errors)
                ? $" ({string.Join(", ", errors.EnumerateArray().Select(e => e.GetProperty("field").GetString()))})"
                : string.Empty);
    }
}
