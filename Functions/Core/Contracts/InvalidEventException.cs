namespace OrdersPipeline.Functions.Contracts;

/// <summary>The input as a whole is not the event a handler expects; the invocation fails and the batch is
/// retried.</summary>
public sealed class InvalidEventException(string message, Exception? inner = null) : Exception(message, inner);
