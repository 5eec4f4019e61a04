using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>
/// What a refused conditional write means, decided from the item DynamoDB returns with the refusal
/// (<c>ReturnValuesOnConditionCheckFailure = ALL_OLD</c>), so the order is never read before it is written. Pure.
/// </summary>
public static class ConditionalWriteRules
{
    /// <summary>A create (<c>attribute_not_exists(orderId)</c>) was refused: the same body is a retry, any other
    /// body a conflict.</summary>
    public static WriteOutcome CreateRefused(IReadOnlyDictionary<string, AttributeValue>? existing, string contentHash) =>
        existing is null || existing.Count == 0
            // The item vanished between the refusal and now (a delete); the client may simply retry.
            ? new WriteOutcome(WriteResult.Conflict, 0)
            : SameBody(existing, contentHash)
                ? Stored(WriteResult.Unchanged, existing)
                : Stored(WriteResult.Conflict, existing);

    /// <summary>An update (<c>version = :expected</c>) was refused: the same body is a retry of an update that
    /// already happened; otherwise the client's version is stale (or there is no order).</summary>
    public static WriteOutcome UpdateRefused(IReadOnlyDictionary<string, AttributeValue>? existing, string contentHash) =>
        existing is null || existing.Count == 0
            ? new WriteOutcome(WriteResult.VersionMismatch, 0)
            : SameBody(existing, contentHash)
                ? Stored(WriteResult.Unchanged, existing)
                : Stored(WriteResult.VersionMismatch, existing);

    public static WriteOutcome Stored(WriteResult result, IReadOnlyDictionary<string, AttributeValue> item) =>
        new(result, VersionOf(item), Text(item, OrderFields.CreatedAt), Text(item, OrderFields.UpdatedAt));

    public static long VersionOf(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.TryGetValue(OrderFields.Version, out var version) && long.TryParse(version.N, out var number) ? number : 0;

    private static bool SameBody(IReadOnlyDictionary<string, AttributeValue> existing, string contentHash) =>
        Text(existing, OrderFields.ContentHash) == contentHash;

    private static string? Text(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;
}
