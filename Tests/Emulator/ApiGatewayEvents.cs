using System.Text.Json;

namespace OrdersPipeline.Emulator;

/// <summary>The REST API's Lambda proxy event for <c>POST /orders</c>, as API Gateway sends it (headers as the client
/// sent them, the request id in <c>requestContext</c>).</summary>
public static class ApiGatewayEvents
{
    public static string PostOrder(string body, string requestId, string? ifMatch = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["x-api-key"] = "redacted",
        };
        if (ifMatch is not null)
        {
            headers["If-Match"] = ifMatch;
        }

        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["resource"] = "/orders",
            ["path"] = "/orders",
            ["httpMethod"] = "POST",
            ["headers"] = headers,
            ["body"] = body,
            ["isBase64Encoded"] = false,
            ["requestContext"] = new Dictionary<string, object?>
            {
                ["requestId"] = requestId,
                ["stage"] = PipelineDefaultsStage,
                ["resourcePath"] = "/orders",
                ["httpMethod"] = "POST",
                ["identity"] = new Dictionary<string, object?> { ["apiKeyId"] = "demo-key-id", ["sourceIp"] = "127.0.0.1" },
            },
        });
    }

    private const string PipelineDefaultsStage = Infra.Definitions.PipelineDefaults.OrdersApiStage;
}
