using OrdersPipeline.Deployer.Automation;
using Pulumi.Automation;

namespace OrdersPipeline.Deployer.Tests.Support;

/// <summary>Stands in for the Automation API: records each call (e.g. <c>"up dev"</c>) and the options passed, answers
/// with the configured data, and throws what <see cref="Failures"/> holds for a call's verb.</summary>
internal sealed class FakeWorkspace : IStackWorkspace
{
    public List<string> Calls { get; } = [];

    public UpdateOptions? Options { get; private set; }

    public Dictionary<string, ConfigValue>? ConfigSet { get; private set; }

    public int DisposeCount { get; private set; }

    public Dictionary<string, Exception> Failures { get; } = [];

    /// <summary>Runs inside preview, up, refresh and destroy, e.g. to raise engine events.</summary>
    public Func<UpdateOptions, CancellationToken, Task> Running { get; set; } = (_, _) => Task.CompletedTask;

    public Dictionary<string, ConfigValue> StoredConfig { get; } = new()
    {
        ["orders-pipeline:team"] = new("backend", isSecret: false),
        ["aws:region"] = new("us-east-1", isSecret: false),
    };

    public Dictionary<OperationType, int> Changes { get; set; } = new()
    {
        [OperationType.Create] = 3,
        [OperationType.Same] = 2,
    };

    public Dictionary<string, OutputValue> Outputs { get; } = new()
    {
        ["bucketName"] = PulumiTypes.Output("dev-processed-data-123-backend"),
        ["batchSize"] = PulumiTypes.Output(100),
        ["alarmNames"] = PulumiTypes.Output(new List<object> { "a", "b" }),
        ["apiKey"] = PulumiTypes.Output("hunter2", isSecret: true),
    };

    public List<StackSummary> Stacks { get; } =
    [
        PulumiTypes.Stack("dev", isCurrent: true, new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), 42),
        PulumiTypes.Stack("local", isCurrent: false, lastUpdate: null, resourceCount: null),
    ];

    public Task<IReadOnlyDictionary<string, ConfigValue>> GetConfigAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken)
    {
        Call($"config {stackName}{(createIfMissing ? " create" : "")}");
        return Task.FromResult<IReadOnlyDictionary<string, ConfigValue>>(StoredConfig);
    }

    public Task SetConfigAsync(
        string stackName, IDictionary<string, ConfigValue> config, CancellationToken cancellationToken)
    {
        Call($"set-config {stackName}");
        ConfigSet = new Dictionary<string, ConfigValue>(config);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<OperationType, int>?> PreviewAsync(
        string stackName, PreviewOptions options, CancellationToken cancellationToken) =>
        RunAsync("preview", stackName, options, cancellationToken);

    public async Task<(
            IReadOnlyDictionary<OperationType, int>? Changes, IReadOnlyDictionary<string, OutputValue> Outputs)>
        UpAsync(string stackName, UpOptions options, CancellationToken cancellationToken) =>
        (await RunAsync("up", stackName, options, cancellationToken), Outputs);

    public Task<IReadOnlyDictionary<OperationType, int>?> RefreshAsync(
        string stackName, RefreshOptions options, CancellationToken cancellationToken) =>
        RunAsync("refresh", stackName, options, cancellationToken);

    public Task<IReadOnlyDictionary<OperationType, int>?> DestroyAsync(
        string stackName, DestroyOptions options, CancellationToken cancellationToken) =>
        RunAsync("destroy", stackName, options, cancellationToken);

    public Task<IReadOnlyDictionary<string, OutputValue>> GetOutputsAsync(
        string stackName, CancellationToken cancellationToken)
    {
        Call($"outputs {stackName}");
        return Task.FromResult<IReadOnlyDictionary<string, OutputValue>>(Outputs);
    }

    public Task<IReadOnlyList<StackSummary>> ListStacksAsync(CancellationToken cancellationToken)
    {
        Call("stacks");
        return Task.FromResult<IReadOnlyList<StackSummary>>(Stacks);
    }

    public Task RemoveStackAsync(string stackName, CancellationToken cancellationToken)
    {
        Call($"remove {stackName}");
        return Task.CompletedTask;
    }

    public void Dispose() => DisposeCount++;

    private async Task<IReadOnlyDictionary<OperationType, int>?> RunAsync(
        string verb, string stackName, UpdateOptions options, CancellationToken cancellationToken)
    {
        Call($"{verb} {stackName}");
        Options = options;
        await Running(options, cancellationToken);
        return Changes;
    }

    private void Call(string call)
    {
        Calls.Add(call);
        if (Failures.TryGetValue(call.Split(' ')[0], out var failure))
        {
            throw failure;
        }
    }
}
