using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Ingest.Orders;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Privacy;
using OrdersPipeline.Functions.Serialization;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>
/// The HTTP door (<see cref="Handlers.HttpIngest"/>): <c>POST /orders</c> behind API Gateway (docs/ingest.md, "HTTP
/// ingest"). 201 creates, 200 repeats an identical create or applies an If-Match update, 409 refuses a different body
/// for an existing id, 412 a stale If-Match, 400 names every invalid field (RFC 9457), 405 any method but POST, 413
/// over 256 KB, 415 not JSON, 500 anything else with a correlation id and never a stack trace. Every answer carries
/// <c>X-Request-Id</c>: API Gateway's request id, or the invocation's where the gateway sent none.
/// </summary>
public sealed class HttpIngestService
{
    private const string Route = "/orders";
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 256 };

    private readonly IOrderStore _store;
    private readonly TimeProvider _time;
    private readonly JsonLog _log;
    private readonly CardNumberGuard _cardNumbers;

    /// <summary>Cold start in Lambda: configuration from the environment, the client from the SDK defaults.</summary>
    public HttpIngestService()
        : this(HttpIngestSettings.FromEnvironment())
    {
    }

    private HttpIngestService(HttpIngestSettings settings)
        : this(CreateStore(settings), TimeProvider.System, JsonLog.Console, settings.CardNumbers)
    {
    }

    public HttpIngestService(IOrderStore store, TimeProvider time, JsonLog log, CardNumberGuard? cardNumbers = null)
    {
        _store = store;
        _time = time;
        _log = log;
        _cardNumbers = cardNumbers ?? CardNumberGuard.Default;
    }

    /// <summary>The answer to one request; never throws for a failure of the request or the store (that is a 500
    /// naming the correlation id, with the cause in the log).</summary>
    public async Task<HttpResult> HandleAsync(HttpRequest? request, Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var started = Stopwatch.GetTimestamp();
        var requestId = request?.GatewayRequestId is { Length: > 0 } gatewayId ? gatewayId : invocation.RequestId;
        var log = _log.ForRequest(requestId);
        HttpResult result;
        string? orderId = null;
        try
        {
            (result, orderId) = await DecideAsync(request, requestId).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // The client gets the correlation id only; the cause goes to the log.
            log.Write("ERROR", "order ingest failed", ("lambdaRequestId", invocation.RequestId),
                ("error", $"{error.GetType().Name}: {error.Message}"), ("stackTrace", error.StackTrace));
            result = Problem(HttpStatusCode.InternalServerError, ProblemTypes.Internal, "Internal error",
                "The order could not be processed. Quote the correlation id when asking about it.", requestId,
                correlationId: requestId);
        }

        log.Write(result.StatusCode >= 500 ? "ERROR" : "INFO", "order request",
            ("status", result.StatusCode), ("orderId", orderId),
            ("durationMs", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return result;
    }

    private async Task<(HttpResult, string?)> DecideAsync(HttpRequest? request, string requestId)
    {
        if (request is null)
        {
            return (NotJson(requestId, "The request has no body."), null);
        }

        if (request.Method is { Length: > 0 } method && !string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return (Problem(HttpStatusCode.MethodNotAllowed, ProblemTypes.MethodNotAllowed, "Method not allowed",
                $"{Route} accepts POST only.", requestId, extraHeader: (HttpHeaders.Allow, "POST")), null);
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
            var validation = _cardNumbers.Screen(OrderValidator.Validate(document.RootElement));
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

    /// <summary>The body's bytes (empty when there is none); null when it claims base64 and is not.</summary>
    private static byte[]? ReadBody(HttpRequest request)
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

    private static HttpResult Respond(string orderId, WriteOutcome outcome, string requestId)
    {
        switch (outcome.Result)
        {
            case WriteResult.Created:
            case WriteResult.Unchanged:
            case WriteResult.Updated:
                var status = outcome.Result == WriteResult.Created ? HttpStatusCode.Created : HttpStatusCode.OK;
                var receipt = new OrderReceipt(orderId, outcome.Version, outcome.Result.ToString().ToLowerInvariant(),
                    outcome.CreatedAt, outcome.UpdatedAt, requestId);
                return Result(status, "application/json",
                    JsonSerializer.Serialize(receipt, CoreJsonContext.Default.OrderReceipt), requestId,
                    (HttpHeaders.ETag, HttpHeaders.ETagOf(outcome.Version)));
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

    private static HttpResult NotJson(string requestId, string detail) =>
        Problem(HttpStatusCode.UnsupportedMediaType, ProblemTypes.NotJson, "Not JSON", detail, requestId);

    private static HttpResult Problem(HttpStatusCode status, string type, string title, string detail,
        string requestId, IReadOnlyList<FieldProblem>? errors = null, string? correlationId = null,
        (string Name, string Value)? extraHeader = null)
    {
        var problem = new ProblemDetails(type, title, (int)status, detail, Route, requestId, errors)
        {
            CorrelationId = correlationId,
        };
        return Result(status, ProblemDetails.ContentType,
            JsonSerializer.Serialize(problem, CoreJsonContext.Default.ProblemDetails), requestId, extraHeader);
    }

    /// <summary>An answer with <c>Content-Type</c> and <c>X-Request-Id</c>, then the one header a status adds
    /// (<c>ETag</c> on a write, <c>Allow</c> on 405), in that order.</summary>
    private static HttpResult Result(HttpStatusCode status, string contentType, string body, string requestId,
        (string Name, string Value)? extraHeader = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HttpHeaders.ContentType] = contentType,
            [HttpHeaders.RequestId] = requestId,
        };
        if (extraHeader is var (name, value))
        {
            headers[name] = value;
        }

        return new HttpResult((int)status, headers, body);
    }

    private static DynamoDbOrderStore CreateStore(HttpIngestSettings settings) =>
        new(AwsClientFactory.DynamoDb(SdkCallPolicy.Default), settings.OrdersTableName);
}
