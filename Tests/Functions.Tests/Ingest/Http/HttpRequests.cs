using System.Text.Json;
using Amazon.Lambda.APIGatewayEvents;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Ingest.Http;

/// <summary>API Gateway proxy events as the REST API sends them (through the handler's own serializer).</summary>
internal static class HttpRequests
{
    public static APIGatewayProxyRequest Post(string? body, string? contentType = "application/json",
        string? ifMatch = null, string requestId = "req-1", bool base64 = false)
    {
        var headers = new Dictionary<string, string>();
        if (contentType is not null)
        {
            headers["content-type"] = contentType;
        }

        if (ifMatch is not null)
        {
            headers["If-Match"] = ifMatch;
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["resource"] = "/orders",
            ["path"] = "/orders",
            ["httpMethod"] = "POST",
            ["headers"] = headers,
            ["body"] = base64 && body is not null ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(body)) : body,
            ["isBase64Encoded"] = base64,
            ["requestContext"] = new Dictionary<string, object?>
            {
                ["requestId"] = requestId,
                ["resourcePath"] = "/orders",
                ["httpMethod"] = "POST",
                ["stage"] = "v1",
                ["identity"] = new Dictionary<string, object?> { ["apiKeyId"] = "key-id" },
            },
        });
        return Lambda.Event<APIGatewayProxyRequest>(json);
    }

    public static JsonElement Body(APIGatewayProxyResponse response) => JsonDocument.Parse(response.Body).RootElement.Clone();

    public static string? Header(APIGatewayProxyResponse response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;

    public static string RequestIdHeader(APIGatewayProxyResponse response) => Header(response, HttpHeaders.RequestId)!;
}
