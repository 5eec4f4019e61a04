namespace OrdersPipeline.Functions.Processor;

/// <summary>One stream record cannot be turned into a document; it fails alone, never the whole batch.</summary>
public sealed class RecordException(string message) : Exception(message);
