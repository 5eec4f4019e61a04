using System.Collections.ObjectModel;
using Amazon.Lambda.APIGatewayEvents;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>API Gateway's proxy request as the core's <see cref="HttpRequest"/>, and the core's
/// <see cref="HttpResult"/> as the proxy response. A missing request stays null.</summary>
internal static class HttpMessages
{
    public static HttpRequest? From(APIGatewayProxyRequest? request) => request is null
        ? null
        : new HttpRequest(
            request.HttpMethod,
            request.Headers is { } headers ? new ReadOnlyDictionary<string, string>(headers) : null,
            request.MultiValueHeaders is { } multi ? new ReadOnlyDictionary<string, IList<string>>(multi) : null,
            request.Body,
            request.IsBase64Encoded,
            request.RequestContext?.RequestId);

    /// <summary>The headers keep the core's order (Content-Type, X-Request-Id, then ETag or Allow).</summary>
    public static APIGatewayProxyResponse ToResponse(HttpResult result) => new()
    {
        StatusCode = result.StatusCode,
        Headers = new Dictionary<string, string>(result.Headers, StringComparer.Ordinal),
        Body = result.Body,
    };
}
