using System.Text.Json.Nodes;
using OrdersPipeline.Deployer.Engine;

namespace OrdersPipeline.Deployer.Tests.Support;

/// <summary>Stands in for the engine behind the workspace port: records each call (e.g. <c>"up dev"</c>) and the
/// options passed, answers with the configured data, and throws what <see cref="Failures"/> holds for a call's verb.
/// </summary>
internal sealed class FakeWorkspace : IStackWorkspace
{
    public List<string> Calls { get; } = [];

    public OperationOptions? Options { get; private set; }

    public Dictionary<string, StackConfigValue>? ConfigSet { get; private set; }

    public int DisposeCount { get; private set; }

    public Dictionary<string, Exception> Failures { get; } = [];

    /// <summary>Runs inside remove with the stack's name, e.g. to delete its stack file as the engine does.</summary>
    public Action<string> Removing { get; set; } = _ => { };

    /// <summary>Runs inside preview, up, refresh and destroy, e.g. to raise progress events.</summary>
    public Func<OperationOptions, CancellationToken, Task> Running { get; set; } = (_, _) => Task.CompletedTask;

    public Dictionary<string, StackConfigValue> StoredConfig { get; } = new()
    {
        ["orders-pipeline:team"] = new("backend", IsSecret: false),
        ["aws:region"] = new("us-east-1", IsSecret: false),
    };

    public Dictionary<ResourceOperation, int> Changes { get; set; } = new()
    {
        [ResourceOperation.Create] = 3,
        [ResourceOperation.Same] = 2,
    };

    public Dictionary<string, StackOutput> Outputs { get; } = new()
    {
        ["bucketName"] = new(JsonValue.Create("dev-processed-data-123-backend"), IsSecret: false),
        ["batchSize"] = new(JsonValue.Create(100), IsSecret: false),
        ["alarmNames"] = new(new JsonArray("a", "b"), IsSecret: false),
        ["apiKey"] = new(JsonValue.Create("hunter2"), IsSecret: true),
    };

    public List<BackendStack> Stacks { get; } =
    [
        new("dev", IsCurrent: true, LastUpdate: new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero),
            IsUpdateInProgress: false, ResourceCount: 42),
        new("local", IsCurrent: false, LastUpdate: null, IsUpdateInProgress: false, ResourceCount: null),
    ];

    public Task<IReadOnlyDictionary<string, StackConfigValue>> GetConfigAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken)
    {
        Call($"config {stackName}{(createIfMissing ? " create" : "")}");
        return Task.FromResult<IReadOnlyDictionary<string, StackConfigValue>>(StoredConfig);
    }

    public Task SetConfigAsync(
        string stackName, IReadOnlyDictionary<string, StackConfigValue> config, CancellationToken cancellationToken)
    {
        Call($"set-config {stackName}");
        ConfigSet = new Dictionary<string, StackConfigValue>(config);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<ResourceOperation, int>?> PreviewAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken) =>
        RunAsync("preview", stackName, options, cancellationToken);

    public async Task<UpOutcome> UpAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken) =>
        new(await RunAsync("up", stackName, options, cancellationToken), Outputs);

    public Task<IReadOnlyDictionary<ResourceOperation, int>?> RefreshAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken) =>
        RunAsync("refresh", stackName, options, cancellationToken);

    public Task<IReadOnlyDictionary<ResourceOperation, int>?> DestroyAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken) =>
        RunAsync("destroy", stackName, options, cancellationToken);

    public Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(
        string stackName, CancellationToken cancellationToken)
    {
        Call($"outputs {stackName}");
        return Task.FromResult<IReadOnlyDictionary<string, StackOutput>>(Outputs);
    }

    public Task<IReadOnlyList<BackendStack>> ListStacksAsync(CancellationToken cancellationToken)
    {
        Call("stacks");
        return Task.FromResult<IReadOnlyList<BackendStack>>(Stacks);
    }

    public Task RemoveStackAsync(string stackName, CancellationToken cancellationToken)
    {
        Call($"remove {stackName}");
        Removing(stackName);
        return Task.CompletedTask;
    }

    public void Dispose() => DisposeCount++;

    private async Task<IReadOnlyDictionary<ResourceOperation, int>?> RunAsync(
        string verb, string stackName, OperationOptions options, CancellationToken cancellationToken)
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
