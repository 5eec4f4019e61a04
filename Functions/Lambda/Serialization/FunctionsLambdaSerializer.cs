using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.Serialization.SystemTextJson;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Serialization;

/// <summary>
/// The Lambda serializer of every handler: the package's source-generator serializer over
/// <see cref="FunctionsJsonContext"/>, with one addition. A stream record's images are kept as the raw DynamoDB JSON
/// they arrive as (<see cref="RawStreamRecordConverter"/>) instead of the package's <c>AttributeValue</c> objects:
/// numbers stay text digit for digit either way, but building the object model costs more CPU than the whole
/// per-record budget (measured in Tests/Benchmarks, see its README). The images are slices of the event buffer the
/// package reads the invocation into (<see cref="EventBuffer"/>), not copies. A stream event in the shape Lambda sends
/// is read by <see cref="StreamEventReader"/> in one hand-written pass into the same objects; any other goes through
/// the package's reader.
/// </summary>
public sealed class FunctionsLambdaSerializer : SourceGeneratorLambdaJsonSerializer<FunctionsJsonContext>
{
    public FunctionsLambdaSerializer()
        : base(Customize)
    {
    }

    /// <summary>False only in tests: every stream event goes through the package's reader, to compare the two.</summary>
    internal bool UseEventReader { get; init; } = true;

    /// <summary>
    /// The package reads the whole event into <paramref name="utf8Json"/> and deserializes it with one reader over
    /// it; while it does, the stream records' images are taken as slices of that array, which the records then keep.
    /// </summary>
    protected override T InternalDeserialize<T>(byte[] utf8Json)
    {
        if (typeof(T) != typeof(DynamoDBEvent))
        {
            return base.InternalDeserialize<T>(utf8Json);
        }

        // Events in the shape Lambda sends are read by hand; anything else by the package's reader.
        if (UseEventReader && StreamEventReader.TryRead(utf8Json) is { } streamEvent)
        {
            return (T)(object)streamEvent;
        }

        var previous = EventBuffer.Current;
        EventBuffer.Current = utf8Json;
        try
        {
            return base.InternalDeserialize<T>(utf8Json);
        }
        finally
        {
            EventBuffer.Current = previous;
        }
    }

    private static void Customize(JsonSerializerOptions options)
    {
        options.Converters.Add(new RawStreamRecordConverter());
        // Items nested to DynamoDB's limit are deeper than the default 64; see DynamoDbLimits.EventReaderMaxDepth.
        options.MaxDepth = DynamoDbLimits.EventReaderMaxDepth;
    }
}
