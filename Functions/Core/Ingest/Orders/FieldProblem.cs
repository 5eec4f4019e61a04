using System.Text.Json.Serialization;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>One reason an order is refused: the field's path (<c>items[2].unitPrice</c>; empty for the order as a
/// whole) and what is wrong with it.</summary>
public sealed record FieldProblem(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("reason")] string Reason);
