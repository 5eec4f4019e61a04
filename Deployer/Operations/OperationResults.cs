namespace OrdersPipeline.Deployer.Operations;

/// <summary>How many resources each kind of step touched (or would touch, for a preview).</summary>
public sealed record ChangeSummary(IReadOnlyDictionary<StepOperation, int> Counts)
{
    public static ChangeSummary Empty { get; } = new(new Dictionary<StepOperation, int>());

    public int this[StepOperation operation] => Counts.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>True when any step other than <see cref="StepOperation.Same"/> ran or would run.</summary>
    public bool HasChanges => Counts.Any(pair => pair.Key != StepOperation.Same && pair.Value > 0);
}

/// <summary>The result of <c>up</c>: the changes made and the stack outputs afterwards.</summary>
public sealed record UpOutcome(ChangeSummary Changes, IReadOnlyDictionary<string, StackOutput> Outputs);

/// <summary>One stack output. <see cref="Value"/> is a string, number, bool, null, or nested lists/maps of those
/// (or a <see cref="System.Text.Json.JsonElement"/>).</summary>
public sealed record StackOutput(object? Value, bool IsSecret);

/// <summary>One stack config value as stored (secrets decrypted; never print them).</summary>
public sealed record StackConfigValue(string Value, bool IsSecret);

/// <summary>A stack known to the backend.</summary>
public sealed record StackInfo(
    string Name,
    bool IsCurrent,
    DateTimeOffset? LastUpdate,
    bool IsUpdateInProgress,
    int? ResourceCount);
