namespace OrdersPipeline.Functions;

/// <summary>
/// What the core needs of one Lambda invocation, in place of the runtime's <c>ILambdaContext</c>: the request id every
/// log line carries, the time left before the deadline (the time budget starts from it), and the function's name
/// (the metrics' dimension).
/// </summary>
public sealed record Invocation(string RequestId, TimeSpan RemainingTime, string FunctionName);
