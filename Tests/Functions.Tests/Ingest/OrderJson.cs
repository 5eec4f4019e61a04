using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Functions.Tests.Ingest;

/// <summary>Orders for tests: a valid one, and edits of it.</summary>
internal static class OrderJson
{
    public static string Valid(string orderId = "o-1001") =>
        $$"""{"orderId":"{{orderId}}","customerId":"c-42","currency":"EUR","items":[{"sku":"A-1","quantity":2,"unitPrice":19.90}]}""";

    public static JsonObject ValidNode(string orderId = "o-1001") => JsonNode.Parse(Valid(orderId))!.AsObject();

    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string With(Action<JsonObject> edit, string orderId = "o-1001")
    {
        var node = ValidNode(orderId);
        edit(node);
        return node.ToJsonString();
    }
}
