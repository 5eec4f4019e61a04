using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>
/// Lambda handler <see cref="Handlers.HttpIngest"/>: API Gateway's proxy request mapped onto
/// <see cref="HttpIngestService"/> (<c>POST /orders</c>), and its answer back as the proxy response. Decides nothing.
/// </summary>
public sealed class HttpIngestFunction
{
    private readonly HttpIngestService _service;

    /// <summary>Cold start in Lambda: the service configured from the environment.</summary>
    public HttpIngestFunction()
        : this(new HttpIngestService())
    {
    }

    internal HttpIngestFunction(HttpIngestService service) => _service = service;

    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var result = await _service.HandleAsync(HttpMessages.From(request), Invocations.From(context))
            .ConfigureAwait(false);
        return HttpMessages.ToResponse(result);
    }
}
