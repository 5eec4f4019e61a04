using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Errors;

/// <summary>A failure as the user sees it: a message and an exit code.</summary>
public sealed record ClassifiedFailure(FailureKind Kind, string Message)
{
    public int ExitCode => ExitCodes.For(Kind);
}

/// <summary>Maps whatever a command threw to a kind and a message. Exceptions the inline program throws (config
/// validation, a missing Functions package) arrive unwrapped from the Automation API; anything else is an operation
/// failure reported by its message alone.</summary>
public static class FailureClassifier
{
    public static ClassifiedFailure Classify(Exception exception, bool cancellationRequested)
    {
        if (cancellationRequested || exception is OperationCanceledException)
        {
            return new ClassifiedFailure(FailureKind.Cancelled, CancelledMessage);
        }

        foreach (var candidate in Chain(exception))
        {
            switch (candidate)
            {
                case DeployerException deployer:
                    return new ClassifiedFailure(deployer.Kind, deployer.Message);
                case ConfigValidationException config:
                    return new ClassifiedFailure(FailureKind.Configuration, config.Message);
                case FunctionsPackageMissingException missingPackage:
                    return new ClassifiedFailure(FailureKind.Configuration, missingPackage.Message);
            }
        }

        return new ClassifiedFailure(FailureKind.OperationFailed, exception.Message);
    }

    public const string CancelledMessage =
        "Cancelled. A resource operation that was in flight may not have finished; run `refresh` for this stack "
        + "before the next `up` if this interrupted a change.";

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Queue<Exception>([exception]);
        while (pending.TryDequeue(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Enqueue(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Enqueue(inner);
            }
        }
    }
}
