using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Progress;

/// <summary>Writes one line per finished resource step (and each warning or info message) as it happens; used when
/// stderr is not a terminal, e.g. in CI logs.</summary>
public sealed class LineProgressDisplay(TextWriter writer, TimeProvider clock) : IProgressDisplay
{
    private readonly StepTracker _tracker = new(clock);
    private readonly object _writeGate = new();

    public IReadOnlyList<EngineMessage> Errors => _tracker.Errors();

    public Task<T> TrackAsync<T>(string title, Func<IOperationObserver, Task<T>> operation)
    {
        WriteLine(title);
        var observer = new TrackingObserver(
            _tracker,
            row => WriteLine(StepLineFormatter.Format(row)),
            message => WriteLine(StepLineFormatter.Format(message)));
        return operation(observer);
    }

    private void WriteLine(string line)
    {
        lock (_writeGate)
        {
            writer.WriteLine(line);
        }
    }
}
