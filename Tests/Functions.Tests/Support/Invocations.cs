namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>Invocation records as the Lambda layer builds them from the runtime's context.</summary>
internal static class Invocations
{
    public static Invocation Create(TimeSpan? remaining = null, string? requestId = null) =>
        new(requestId ?? Guid.NewGuid().ToString(), remaining ?? TimeSpan.FromMinutes(1), "test-function");
}
