using System.Text.Json.Nodes;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>Event filter patterns of the stream mapping.</summary>
public static class StreamFilters
{
    public static IReadOnlyList<string> KeptEventNames { get; } = ["INSERT", "MODIFY"];

    /// <summary>Keeps INSERT and MODIFY records; REMOVE never reaches the processor.</summary>
    public static string InsertAndModifyPattern() =>
        new JsonObject
        {
            ["eventName"] = new JsonArray(KeptEventNames.Select(name => (JsonNode?)JsonValue.Create(name)).ToArray()),
        }.ToJsonString();
}
