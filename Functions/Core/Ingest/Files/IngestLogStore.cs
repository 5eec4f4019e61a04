using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// The ingest log, through conditional <c>PutItem</c> only. <see cref="ClaimAsync"/> is how a redelivered S3 event
/// finds that its object was already ingested (or is being ingested) and writes no order twice.
/// </summary>
public sealed class IngestLogStore(IAmazonDynamoDB dynamoDb, string tableName)
{
    public enum ClaimResult
    {
        /// <summary>This invocation ingests the object.</summary>
        Claimed,

        /// <summary>A delivery before this one finished the object (COMPLETED, COMPLETED_WITH_REJECTS, or FAILED
        /// for a reason a retry cannot fix).</summary>
        AlreadyDone,

        /// <summary>Another invocation holds the object and its lease has not run out.</summary>
        HeldElsewhere,
    }

    /// <summary>Takes the object unless another delivery has it: the item must be absent, or this invocation's own
    /// (a Lambda retry keeps the request id), or a lease that ran out, or a FAILED marked retryable.</summary>
    public async Task<(ClaimResult Result, Dictionary<string, AttributeValue>? Existing)> ClaimAsync(
        IngestLogItem processing, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = processing.ToAttributes(),
                ConditionExpression = "attribute_not_exists(#key) OR #requestId = :requestId"
                    + " OR (#status = :processing AND #leaseUntil < :now) OR (#status = :failed AND #retryable = :true)",
                ExpressionAttributeNames = new Dictionary<string, string>
                {
                    ["#key"] = IngestLogItem.HashKey,
                    ["#requestId"] = "requestId",
                    ["#status"] = "status",
                    ["#leaseUntil"] = "leaseUntil",
                    ["#retryable"] = "retryable",
                },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":requestId"] = new() { S = processing.RequestId },
                    [":processing"] = new() { S = IngestStatus.Processing },
                    [":failed"] = new() { S = IngestStatus.Failed },
                    [":true"] = new() { BOOL = true },
                    [":now"] = new()
                    {
                        N = processing.StartedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    },
                },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken).ConfigureAwait(false);
            return (ClaimResult.Claimed, null);
        }
        catch (ConditionalCheckFailedException refused)
        {
            var status = refused.Item is { } item && item.TryGetValue("status", out var value) ? value.S : null;
            return (status == IngestStatus.Processing ? ClaimResult.HeldElsewhere : ClaimResult.AlreadyDone, refused.Item);
        }
    }

    /// <summary>Writes the final item, if this invocation still holds the object.</summary>
    public async Task<bool> CompleteAsync(IngestLogItem final, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = final.ToAttributes(),
                ConditionExpression = "#requestId = :requestId",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#requestId"] = "requestId" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":requestId"] = new() { S = final.RequestId },
                },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
