using System.Text.Json.Serialization;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>The body of a 201 or 200: the order's id and stored version (also sent as the <c>ETag</c>), its
/// timestamps, and what happened (<c>created</c>, <c>unchanged</c>, <c>updated</c>).</summary>
public sealed record OrderReceipt(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("createdAt")] string? CreatedAt,
    [property: JsonPropertyName("updatedAt")] string? UpdatedAt,
    [property: JsonPropertyName("requestId")] string RequestId);
