using System.Text.Json.Nodes;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>
/// The JSON-schema (draft 4) model API Gateway checks <c>POST /orders</c> bodies against before the function runs.
/// Built from the limits the function itself enforces (<see cref="OrderLimits"/>); the function stays the full
/// check (ISO 4217 list, control characters, reserved fields), the model turns most bad requests away at the door.
/// </summary>
public static class OrderSchema
{
    public const string ModelName = "Order";
    public const string ContentType = "application/json";

    public static string Json()
    {
        var money = $"^-?(0|[1-9][0-9]{{0,{OrderLimits.MaxMoneyIntegerDigits - 1}}})(\\.[0-9]{{1,{OrderLimits.MaxMoneyFractionDigits}}})?$";
        var identifier = new JsonObject { ["type"] = "string", ["minLength"] = 1 };
        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-04/schema#",
            ["title"] = ModelName,
            ["type"] = "object",
            ["required"] = Strings(OrderFields.OrderId, OrderFields.CustomerId, OrderFields.Currency, OrderFields.Items),
            ["properties"] = new JsonObject
            {
                [OrderFields.OrderId] = new JsonObject
                {
                    ["type"] = "string", ["minLength"] = 1, ["maxLength"] = OrderLimits.MaxOrderIdLength,
                },
                [OrderFields.CustomerId] = new JsonObject
                {
                    ["type"] = "string", ["minLength"] = 1, ["maxLength"] = OrderLimits.MaxCustomerIdLength,
                },
                [OrderFields.Currency] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Z]{3}$" },
                [OrderFields.Items] = new JsonObject
                {
                    ["type"] = "array",
                    ["minItems"] = 1,
                    ["maxItems"] = OrderLimits.MaxItems,
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = Strings(OrderFields.Sku, OrderFields.Quantity, OrderFields.UnitPrice),
                        ["properties"] = new JsonObject
                        {
                            [OrderFields.Sku] = identifier.DeepClone(),
                            [OrderFields.Quantity] = new JsonObject
                            {
                                ["type"] = "integer", ["minimum"] = 1, ["maximum"] = OrderLimits.MaxQuantity,
                            },
                            // A number, or a string of exact decimal text; the pattern applies to strings only.
                            [OrderFields.UnitPrice] = new JsonObject
                            {
                                ["type"] = Strings("number", "string"), ["minimum"] = 0, ["pattern"] = money,
                            },
                        },
                    },
                },
            },
        }.ToJsonString();
    }

    private static JsonArray Strings(params string[] values) =>
        new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
