using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>
/// The orders table through conditional writes only (the role may PutItem and UpdateItem, nothing else). A create is
/// a <c>PutItem</c> with <c>attribute_not_exists(orderId)</c>; an update an <c>UpdateItem</c> with
/// <c>version = :expected</c>. A refusal returns the stored item, which decides retry, conflict or stale version
/// (<see cref="ConditionalWriteRules"/>).
/// </summary>
public sealed class DynamoDbOrderStore(IAmazonDynamoDB dynamoDb, string tableName) : IOrderStore
{
    public async Task<WriteOutcome> CreateAsync(
        ValidatedOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var item = OrderItem.Create(order, now, 1, OrderItem.HttpSource);
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = item,
                ConditionExpression = "attribute_not_exists(#id)",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#id"] = OrderFields.OrderId },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken).ConfigureAwait(false);
            return ConditionalWriteRules.Stored(WriteResult.Created, item);
        }
        catch (ConditionalCheckFailedException refused)
        {
            return ConditionalWriteRules.CreateRefused(refused.Item, order.ContentHash);
        }
    }

    public async Task<WriteOutcome> ReplaceAsync(
        ValidatedOrder order, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var set = new StringBuilder("SET ");
        var index = 0;
        void Assign(string name, AttributeValue value)
        {
            names[$"#a{index}"] = name;
            values[$":a{index}"] = value;
            set.Append(index == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"#a{index} = :a{index}");
            index++;
        }

        foreach (var (name, value) in order.Attributes)
        {
            if (name != OrderFields.OrderId)
            {
                Assign(name, value);
            }
        }

        var next = expectedVersion + 1;
        Assign(OrderFields.UpdatedAt, new AttributeValue { S = OrderItem.Timestamp(now) });
        Assign(OrderFields.Version, OrderItem.Number(next));
        Assign(OrderFields.ContentHash, new AttributeValue { S = order.ContentHash });
        Assign(OrderFields.IngestSource, new AttributeValue { S = OrderItem.HttpSource });
        names["#version"] = OrderFields.Version;
        values[":expected"] = OrderItem.Number(expectedVersion);

        UpdateItemResponse updated;
        try
        {
            updated = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(order.OrderId),
                UpdateExpression = set.ToString(),
                ConditionExpression = "#version = :expected",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.ALL_OLD,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException refused)
        {
            return ConditionalWriteRules.UpdateRefused(refused.Item, order.ContentHash);
        }

        var old = updated.Attributes ?? [];
        await RemoveDroppedFieldsAsync(order, old, next, cancellationToken).ConfigureAwait(false);
        return new WriteOutcome(WriteResult.Updated, next,
            old.TryGetValue(OrderFields.CreatedAt, out var createdAt) ? createdAt.S : null, OrderItem.Timestamp(now));
    }

    // An update replaces the order: fields the new body leaves out go too. Only when there are any, in a second
    // write that applies only while the version is still the one just written.
    private async Task RemoveDroppedFieldsAsync(
        ValidatedOrder order, Dictionary<string, AttributeValue> old, long version, CancellationToken cancellationToken)
    {
        var dropped = old.Keys
            .Where(name => !order.Attributes.ContainsKey(name) && !OrderFields.Reserved.Contains(name))
            .ToArray();
        if (dropped.Length == 0)
        {
            return;
        }

        var names = dropped.Select((name, i) => (Placeholder: $"#r{i}", name))
            .ToDictionary(entry => entry.Placeholder, entry => entry.name, StringComparer.Ordinal);
        names["#version"] = OrderFields.Version;
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(order.OrderId),
                UpdateExpression = "REMOVE " + string.Join(", ", names.Keys.Where(k => k != "#version")),
                ConditionExpression = "#version = :version",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":version"] = OrderItem.Number(version) },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // A newer update came in meanwhile; it is the order now.
        }
    }

    private static Dictionary<string, AttributeValue> Key(string orderId) =>
        new(StringComparer.Ordinal) { [OrderFields.OrderId] = new AttributeValue { S = orderId } };
}
