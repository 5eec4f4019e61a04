using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Progress;

public enum StepStatus
{
    Running,
    Done,
    Failed,
}

/// <summary>One resource step as shown to the user.</summary>
public sealed record StepRow(
    string Urn, string ResourceType, StepOperation Operation, StepStatus Status, TimeSpan? Duration);

/// <summary>Pairs each step's start with its end to time it, and keeps the rows in start order. Engine events arrive
/// on a background thread, so every member is synchronised.</summary>
public sealed class StepTracker(TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (StepRow Row, DateTimeOffset Started)> _steps = new(StringComparer.Ordinal);
    private readonly List<EngineMessage> _errors = [];

    /// <summary>Records the event; returns the finished row when the step ended, else null.</summary>
    public StepRow? Record(StepEvent step)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (step.Phase == StepPhase.Started || !_steps.TryGetValue(step.Urn, out var entry))
            {
                if (!_steps.ContainsKey(step.Urn))
                {
                    _order.Add(step.Urn);
                }

                entry = (new StepRow(step.Urn, step.ResourceType, step.Operation, StepStatus.Running, null), now);
                _steps[step.Urn] = entry;
                if (step.Phase == StepPhase.Started)
                {
                    return null;
                }
            }

            var finished = entry.Row with
            {
                Operation = step.Operation == StepOperation.Unknown ? entry.Row.Operation : step.Operation,
                Status = step.Phase == StepPhase.Failed ? StepStatus.Failed : StepStatus.Done,
                Duration = now - entry.Started,
            };
            _steps[step.Urn] = (finished, entry.Started);
            return finished;
        }
    }

    public void RecordError(EngineMessage message)
    {
        lock (_gate)
        {
            _errors.Add(message);
        }
    }

    public IReadOnlyList<StepRow> Rows()
    {
        lock (_gate)
        {
            return _order.Select(urn => _steps[urn].Row).ToArray();
        }
    }

    public IReadOnlyList<EngineMessage> Errors()
    {
        lock (_gate)
        {
            return _errors.ToArray();
        }
    }
}
