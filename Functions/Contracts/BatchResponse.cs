using System.Text.Json.Serialization;

namespace OrdersPipeline.Functions.Contracts;

/// <summary>The partial-batch response both handlers return (ReportBatchItemFailures).</summary>
public sealed record BatchResponse(
    [property: JsonPropertyName("batchItemFailures")] IReadOnlyList<BatchItemFailure> BatchItemFailures);

public sealed record BatchItemFailure(
    [property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
