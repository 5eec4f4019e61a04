using System.Text;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Benchmarks;

/// <summary>
/// Stream events in Lambda's JSON shape, read into the core's input (<see cref="ChangeRecord"/>s over the SDK's
/// DynamoDB model) with the test reader <see cref="StreamEventJson"/>. The deployed function gets its records from the
/// Lambda package's deserializer and the layer's mapping, which cannot build here; so every benchmark reads the
/// records once, before any timed region, and measures the core from there.
/// </summary>
internal static class ChangeRecordBatches
{
    public static IReadOnlyList<IReadOnlyList<ChangeRecord>> Read(IReadOnlyList<byte[]> events) =>
        [.. events.Select(json => StreamEventJson.Read(Encoding.UTF8.GetString(json)))];
}
