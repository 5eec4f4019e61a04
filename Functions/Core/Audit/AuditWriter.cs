using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Audit;

/// <summary>Stores audit items once: a redelivered message finds its item there and counts as stored.</summary>
public sealed class AuditWriter(IAmazonDynamoDB dynamoDb, string tableName)
{
    public enum Result { Stored, AlreadyStored }

    public async Task<Result> PutOnceAsync(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = item,
                ConditionExpression = "attribute_not_exists(auditId)",
            }, cancellationToken).ConfigureAwait(false);
            return Result.Stored;
        }
        catch (ConditionalCheckFailedException)
        {
            return Result.AlreadyStored;
        }
    }
}
