using Amazon.Lambda.Core;

namespace OrdersPipeline.Functions;

/// <summary>The runtime's context as the core's <see cref="Invocation"/>.</summary>
internal static class Invocations
{
    public static Invocation From(ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Invocation(context.AwsRequestId, context.RemainingTime, context.FunctionName);
    }
}
