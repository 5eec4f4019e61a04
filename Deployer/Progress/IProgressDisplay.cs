using OrdersPipeline.Deployer.Hosting;
using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Progress;

/// <summary>Shows an operation's resource steps while it runs.</summary>
public interface IProgressDisplay
{
    Task<T> TrackAsync<T>(string title, Func<IOperationObserver, Task<T>> operation);

    /// <summary>Error diagnostics seen so far; the command reports them once, when the operation ends.</summary>
    IReadOnlyList<EngineMessage> Errors { get; }
}

public static class ProgressDisplay
{
    /// <summary>A live table when stderr is a terminal, else one line per step.</summary>
    public static IProgressDisplay Create(IConsoleHost console, TimeProvider clock) =>
        console.IsErrorRedirected
            ? new LineProgressDisplay(console.Error, clock)
            : new LiveTableProgressDisplay(console.Error, clock);
}

/// <summary>Feeds engine events into a <see cref="StepTracker"/> and hands finished steps and messages on.</summary>
internal sealed class TrackingObserver(
    StepTracker tracker, Action<StepRow> onStepFinished, Action<EngineMessage> onMessage) : IOperationObserver
{
    public void OnStep(StepEvent step)
    {
        if (tracker.Record(step) is { } finished)
        {
            onStepFinished(finished);
        }
    }

    public void OnMessage(EngineMessage message)
    {
        if (message.Severity == MessageSeverity.Error)
        {
            tracker.RecordError(message);
            return;
        }

        onMessage(message);
    }
}
