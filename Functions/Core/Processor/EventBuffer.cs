namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The UTF-8 event the current thread is deserializing, as one contiguous buffer read by a single span-based JSON
/// reader, so that <see cref="RawStreamRecordConverter"/> can keep each image as a slice of it instead of a copy. Set
/// only around that deserialization (<see cref="Serialization.FunctionsLambdaSerializer"/>).
/// </summary>
internal static class EventBuffer
{
    [ThreadStatic]
    private static byte[]? _current;

    public static byte[]? Current
    {
        get => _current;
        set => _current = value;
    }
}
