using System.Text.Json.Nodes;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Emulator;

/// <summary>One stream record as read from the emulator, in the JSON shape Lambda delivers it
/// (<see cref="DynamoDbStreamsJsonClient"/>), with the fields the harness sorts by.</summary>
public sealed record StreamRecordEnvelope(string ShardId, string SequenceNumber, string EventName, JsonObject LambdaRecord)
{
    /// <summary>The records as the processor takes them, read by the test input reader
    /// (<see cref="StreamEventJson"/>) from one Lambda-shaped stream event.</summary>
    public static IReadOnlyList<ChangeRecord> Changes(IEnumerable<StreamRecordEnvelope> records) =>
        StreamEventJson.Read(new JsonObject
        {
            ["Records"] = new JsonArray([.. records.Select(r => (JsonNode)r.LambdaRecord.DeepClone())]),
        }.ToJsonString());
}
