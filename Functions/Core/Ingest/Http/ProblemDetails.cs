using System.Text.Json.Serialization;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>An RFC 9457 problem-details body (<c>application/problem+json</c>). <see cref="Errors"/> names every
/// invalid field; <see cref="RequestId"/> is the id to quote when asking about the request. Never carries a stack
/// trace or an exception message.</summary>
public sealed record ProblemDetails(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("instance")] string? Instance,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("errors")] IReadOnlyList<FieldProblem>? Errors = null)
{
    /// <summary>The media type of every problem-details answer, the function's and API Gateway's alike.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>On a 500 only: the id under which the cause is logged.</summary>
    [JsonPropertyName("correlationId")]
    public string? CorrelationId { get; init; }
}

/// <summary>The problem types of the ingest API: each a stable URI, documented in docs/ingest.md.</summary>
public static class ProblemTypes
{
    private const string Base = "https://orders-pipeline.dev/problems/";

    public const string InvalidOrder = Base + "invalid-order";
    public const string InvalidHeader = Base + "invalid-header";
    public const string NotJson = Base + "not-json";
    public const string TooLarge = Base + "too-large";
    public const string Conflict = Base + "order-conflict";
    public const string VersionMismatch = Base + "version-mismatch";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Internal = Base + "internal-error";
}
