using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using OrdersPipeline.Functions.Timing;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Ingest.Orders;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Serialization;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>
/// Lambda handler <see cref="Handlers.HttpIngest"/>: <c>POST /orders</c> behind API Gateway (docs/ingest.md,
/// "HTTP ingest"). 201 creates, 200 repeats an identical create or applies an If-Match update, 409 refuses a
/// different body for an existing id, 412 a stale If-Match, 400 names every invalid field (RFC 9457), 413 over
/// 256 KB, 415 not JSON, 500 anything else with a correlation id and never a stack trace. Every response carries
/// <c>X-Request-Id</c>.
/// </summary>
public sealed class HttpIngestFunction
{
    private const string Route = "/orders";
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 256 };

    private readonly IOrderStore _store;
    private readonly TimeProvider _time;
    private readonly JsonLog _log;

    /// <summary>Cold start in Lambda: configuration from the environment, the client from the SDK defaults.</summary>
    public HttpIngestFunction()
        : this(CreateStore(HttpIngestSettings.FromEnvironment()), TimeProvider.System, JsonLog.Console)
    {
    }

    public HttpIngestFunction(IOrderStore store, TimeProvider time, JsonLog log)
    {
        _store = store;
        _time = time;
        _log = log;
    }

    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var requestId = request?.RequestContext?.RequestId is { Length: > 0 } gatewayId ? gatewayId : context.AwsRequestId;
        var log = _log.ForRequest(requestId);
        APIGatewayProxyResponse response;
        string? orderId = null;
        try
        {
            (response, orderId) = await HandleCoreAsync(request, requestId).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // The client gets the correlation id only; the cause goes to the log.
            log.Write("ERROR", "order ingest failed", ("lambdaRequestId", context.AwsRequestId),
                ("error", $"{error.GetType().Name}: {error.Message}"), ("stackTrace", error.StackTrace));
            response = Problem(HttpStatusCode.InternalServerError, ProblemTypes.Internal, "Internal error",
                "The order could not be processed. Quote the correlation id when asking about it.", requestId,
                correlationId: requestId);
        }

        log.Write(response.StatusCode >= 500 ? "ERROR" : "INFO", "order request",
            ("status", response.StatusCode), ("orderId", orderId),
            ("durationMs", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return response;
    }

    private async Task<(APIGatewayProxyResponse, string?)> HandleCoreAsync(APIGatewayProxyRequest? request, string requestId)
    {
        if (request is null)
        {
            return (NotJson(requestId, "The request has no body."), null);
        }

        if (request.HttpMethod is { Length: > 0 } method && !string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            var refused = Problem(HttpStatusCode.MethodNotAllowed, ProblemTypes.MethodNotAllowed, "Method not allowed",
                $"{Route} accepts POST only.", requestId);
            refused.Headers[HttpHeaders.Allow] = "POST";
            return (refused, null);
        }

        if (!HttpHeaders.IsJsonOrAbsent(HttpHeaders.Find(request, HttpHeaders.ContentType)))
        {
            return (NotJson(requestId, "Send the order as application/json."), null);
        }

        if (ReadBody(request) is not { } body)
        {
            return (NotJson(requestId, "The body is not valid base64."), null);
        }

        if (body.Length > OrderLimits.MaxRecordBytes)
        {
            return (Problem(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.TooLarge, "Body too large",
                $"The body has {body.Length} bytes; at most {OrderLimits.MaxRecordBytes} are accepted.", requestId), null);
        }

        var ifMatch = HttpHeaders.ParseIfMatch(HttpHeaders.Find(request, HttpHeaders.IfMatch), out var ifMatchValid);
        if (!ifMatchValid)
        {
            return (Problem(HttpStatusCode.BadRequest, ProblemTypes.InvalidHeader, "Invalid If-Match",
                "If-Match must be the order's version, a whole number from 1 (the ETag of an earlier response).",
                requestId, errors: [new FieldProblem(HttpHeaders.IfMatch, "must be a version such as \"1\"")]), null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException)
        {
            return (NotJson(requestId, "The body is not valid JSON."), null);
        }

        using (document)
        {
            var validation = OrderValidator.Validate(document.RootElement);
            if (validation.Order is not { } order)
            {
                return (Problem(HttpStatusCode.BadRequest, ProblemTypes.InvalidOrder, "Invalid order",
                    $"The order has {validation.Problems.Count} invalid field(s); each is listed in errors.",
                    requestId, errors: validation.Problems), null);
            }

            var now = _time.GetUtcNow();
            var outcome = ifMatch is { } expected
                ? await _store.ReplaceAsync(order, expected, now, CancellationToken.None).ConfigureAwait(false)
                : await _store.CreateAsync(order, now, CancellationToken.None).ConfigureAwait(false);
            return (Respond(order.OrderId, outcome, requestId), order.OrderId);
        }
    }

    private static byte[]? ReadBody(APIGatewayProxyRequest request)
    {
        if (string.IsNullOrEmpty(request.Body))
        {
            return [];
        }

        if (!request.IsBase64Encoded)
        {
            return Encoding.UTF8.GetBytes(request.Body);
        }

        try
        {
            return Convert.FromBase64String(request.Body);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static APIGatewayProxyResponse Respond(string orderId, WriteOutcome outcome, string requestId)
    {
        switch (outcome.Result)
        {
            case WriteResult.Created:
            case WriteResult.Unchanged:
            case WriteResult.Updated:
                var status = outcome.Result == WriteResult.Created ? HttpStatusCode.Created : HttpStatusCode.OK;
                var receipt = new OrderReceipt(orderId, outcome.Version, outcome.Result.ToString().ToLowerInvariant(),
                    outcome.CreatedAt, outcome.UpdatedAt, requestId);
                var response = Response(status, "application/json",
                    JsonSerializer.Serialize(receipt, FunctionsJsonContext.Default.OrderReceipt), requestId);
                response.Headers[HttpHeaders.ETag] = HttpHeaders.ETagOf(outcome.Version);
                return response;
            case WriteResult.Conflict:
                return Problem(HttpStatusCode.Conflict, ProblemTypes.Conflict, "Order exists with a different body",
                    $"Order '{orderId}' exists (version {outcome.Version}) with a different body. To change it, send "
                    + $"If-Match: \"{outcome.Version}\".", requestId);
            default:
                return Problem(HttpStatusCode.PreconditionFailed, ProblemTypes.VersionMismatch, "Version mismatch",
                    outcome.Version == 0
                        ? $"There is no order '{orderId}' to update."
                        : $"Order '{orderId}' is at version {outcome.Version}, not the one in If-Match.", requestId);
        }
    }

    private static APIGatewayProxyResponse NotJson(string requestId, string detail) =>
        Problem(HttpStatusCode.UnsupportedMediaType, ProblemTypes.NotJson, "Not JSON", detail, requestId);

    private static APIGatewayProxyResponse Problem(HttpStatusCode status, string type, string title, string detail,
        string requestId, IReadOnlyList<FieldProblem>? errors = null, string? correlationId = null)
    {
        var problem = new ProblemDetails(type, title, (int)status, detail, Route, requestId, errors)
        {
            CorrelationId = correlationId,
        };
        return Response(status, ProblemDetails.ContentType,
            JsonSerializer.Serialize(problem, FunctionsJsonContext.Default.ProblemDetails), requestId);
    }

    private static APIGatewayProxyResponse Response(HttpStatusCode status, string contentType, string body, string requestId) =>
        new()
        {
            StatusCode = (int)status,
            Body = body,
            Headers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [HttpHeaders.ContentType] = contentType,
                [HttpHeaders.RequestId] = requestId,
            },
        };

    private static DynamoDbOrderStore CreateStore(HttpIngestSettings settings) =>
        new(AwsClientFactory.DynamoDb(SdkCallPolicy.Default), settings.OrdersTableName);
}
