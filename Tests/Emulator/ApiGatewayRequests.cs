using OrdersPipeline.Functions.Ingest.Http;

namespace OrdersPipeline.Emulator;

/// <summary>The REST API's request for <c>POST /orders</c> as API Gateway passes it to the HTTP door (headers as the
/// client sent them, API Gateway's request id).</summary>
public static class ApiGatewayRequests
{
    public static HttpRequest PostOrder(string body, string requestId, string? ifMatch = null)
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

        return new HttpRequest("POST", headers, MultiValueHeaders: null, body, IsBase64Encoded: false, requestId);
    }
}
