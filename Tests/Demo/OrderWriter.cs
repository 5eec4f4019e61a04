using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Demo;

/// <summary>The demo's writer: a handful of orders inserted, updated and deleted in the orders table.</summary>
internal sealed class OrderWriter(IAmazonDynamoDB dynamoDb, string table)
{
    public const string PoisonOrderId = "o-9999";

    public async Task WriteSampleOrdersAsync()
    {
        await PutAsync("o-1001", "c-42", "129.90", ["gift", "express"]);
        await PutAsync("o-1002", "c-7", "12345678901234567890.123456789012345678", ["bulk"]);
        await PutAsync("vip/o-1003", "c-1", "5.00", ["vip"]);
        await PutAsync(PoisonOrderId, "c-13", "13.13", ["cursed"]);
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = Key("o-1001"),
            UpdateExpression = "SET paid = :paid, #status = :status",
            ExpressionAttributeNames = new() { ["#status"] = "status" },
            ExpressionAttributeValues = new()
            {
                [":paid"] = new AttributeValue { BOOL = true },
                [":status"] = new AttributeValue { S = "PAID" },
            },
        });
        await dynamoDb.DeleteItemAsync(table, Key("o-1002"));
    }

    private Task PutAsync(string orderId, string customerId, string total, List<string> tags) =>
        dynamoDb.PutItemAsync(table, new Dictionary<string, AttributeValue>
        {
            [PipelineDefaults.OrdersTableHashKey] = new() { S = orderId },
            ["customerId"] = new() { S = customerId },
            ["total"] = new() { N = total },
            ["paid"] = new() { BOOL = false },
            ["tags"] = new() { SS = tags },
            ["items"] = new()
            {
                L = [new AttributeValue { M = new() { ["sku"] = new() { S = "A-1" }, ["qty"] = new() { N = "2" } } }],
            },
        });

    private static Dictionary<string, AttributeValue> Key(string orderId) => new() { [PipelineDefaults.OrdersTableHashKey] = new() { S = orderId } };
}
