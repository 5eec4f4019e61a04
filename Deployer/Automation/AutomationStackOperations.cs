using OrdersPipeline.Deployer.Operations;
using Pulumi.Automation;

namespace OrdersPipeline.Deployer.Automation;

/// <summary><see cref="IStackOperations"/> over the Pulumi Automation API: one <see cref="LocalWorkspace"/> per
/// command, created on first use and disposed with this object.</summary>
internal sealed class AutomationStackOperations(WorkspaceSettings settings) : IStackOperations
{
    private const string AwsPluginName = "aws";

    /// <summary>The AWS provider plugin matching the Pulumi.Aws package Infra is built against (7.48.0 in
    /// Directory.Packages.props). Inline programs do not report their plugins, so it is installed explicitly.</summary>
    private const string AwsPluginVersion = "v7.48.0";

    /// <summary>Plain text in engine messages and failure reports.</summary>
    private const string NoColor = "never";

    private readonly Dictionary<string, WorkspaceStack> _stacks = new(StringComparer.Ordinal);
    private LocalWorkspace? _workspace;
    private bool _pluginInstalled;

    public Task<IReadOnlyDictionary<string, StackConfigValue>> GetConfigAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken) =>
        GuardAsync(stackName, async () =>
        {
            var stack = await StackAsync(stackName, createIfMissing, cancellationToken).ConfigureAwait(false);
            var config = await stack.GetAllConfigAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyDictionary<string, StackConfigValue>)config.ToDictionary(
                pair => pair.Key, pair => new StackConfigValue(pair.Value.Value, pair.Value.IsSecret));
        });

    public Task<ChangeSummary> PreviewAsync(
        StackUpdateRequest request, IOperationObserver observer, CancellationToken cancellationToken) =>
        GuardAsync(request.StackName, async () =>
        {
            var stack = await PrepareAsync(request, createIfMissing: true, cancellationToken).ConfigureAwait(false);
            var options = new PreviewOptions
            {
                OnEvent = new EngineEventTranslator(observer).OnEvent,
                Target = Targets(request),
                Refresh = request.RefreshFirst ? true : null,
                Color = NoColor,
            };
            var result = await stack.PreviewAsync(options, cancellationToken).ConfigureAwait(false);
            return EngineEventTranslator.Summarize(result.ChangeSummary);
        });

    public Task<UpOutcome> UpAsync(
        StackUpdateRequest request, IOperationObserver observer, CancellationToken cancellationToken) =>
        GuardAsync(request.StackName, async () =>
        {
            var stack = await PrepareAsync(request, createIfMissing: true, cancellationToken).ConfigureAwait(false);
            var options = new UpOptions
            {
                OnEvent = new EngineEventTranslator(observer).OnEvent,
                Target = Targets(request),
                Refresh = request.RefreshFirst ? true : null,
                Color = NoColor,
            };
            var result = await stack.UpAsync(options, cancellationToken).ConfigureAwait(false);
            return new UpOutcome(EngineEventTranslator.Summarize(result.Summary.ResourceChanges), Outputs(result.Outputs));
        });

    public Task<ChangeSummary> RefreshAsync(
        StackUpdateRequest request, IOperationObserver observer, CancellationToken cancellationToken) =>
        GuardAsync(request.StackName, async () =>
        {
            var stack = await PrepareAsync(request, createIfMissing: false, cancellationToken).ConfigureAwait(false);
            var options = new RefreshOptions
            {
                OnEvent = new EngineEventTranslator(observer).OnEvent,
                Target = Targets(request),
                Color = NoColor,
            };
            var result = await stack.RefreshAsync(options, cancellationToken).ConfigureAwait(false);
            return EngineEventTranslator.Summarize(result.Summary.ResourceChanges);
        });

    public Task<ChangeSummary> DestroyAsync(
        StackUpdateRequest request, IOperationObserver observer, CancellationToken cancellationToken) =>
        GuardAsync(request.StackName, async () =>
        {
            var stack = await PrepareAsync(request, createIfMissing: false, cancellationToken).ConfigureAwait(false);
            var options = new DestroyOptions
            {
                OnEvent = new EngineEventTranslator(observer).OnEvent,
                Target = Targets(request),
                Refresh = request.RefreshFirst ? true : null,
                Color = NoColor,
            };
            var result = await stack.DestroyAsync(options, cancellationToken).ConfigureAwait(false);
            return EngineEventTranslator.Summarize(result.Summary.ResourceChanges);
        });

    public Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(
        string stackName, CancellationToken cancellationToken) =>
        GuardAsync(stackName, async () =>
        {
            var stack = await StackAsync(stackName, createIfMissing: false, cancellationToken).ConfigureAwait(false);
            var outputs = await stack.GetOutputsAsync(cancellationToken).ConfigureAwait(false);
            return Outputs(outputs);
        });

    public Task<IReadOnlyList<StackInfo>> ListStacksAsync(CancellationToken cancellationToken) =>
        GuardAsync(null, async () =>
        {
            var workspace = await WorkspaceAsync(cancellationToken).ConfigureAwait(false);
            var stacks = await workspace.ListStacksAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<StackInfo>)stacks
                .Select(stack => new StackInfo(
                    stack.Name, stack.IsCurrent, stack.LastUpdate, stack.IsUpdateInProgress, stack.ResourceCount))
                .ToArray();
        });

    public Task RemoveStackAsync(string stackName, CancellationToken cancellationToken) =>
        GuardAsync(stackName, async () =>
        {
            var workspace = await WorkspaceAsync(cancellationToken).ConfigureAwait(false);
            // `pulumi stack rm` also deletes Pulumi.<stack>.yaml, which is committed here: keep a copy and put it back.
            var stackFile = Path.Combine(settings.RepoRoot, $"Pulumi.{stackName.Split('/')[^1]}.yaml");
            var saved = File.Exists(stackFile)
                ? await File.ReadAllBytesAsync(stackFile, cancellationToken).ConfigureAwait(false)
                : null;
            try
            {
                await workspace.RemoveStackAsync(stackName, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (saved is not null && !File.Exists(stackFile))
                {
                    await File.WriteAllBytesAsync(stackFile, saved, CancellationToken.None).ConfigureAwait(false);
                }
            }

            _stacks.Remove(stackName);
            return true;
        });

    public ValueTask DisposeAsync()
    {
        _workspace?.Dispose();
        _workspace = null;
        return ValueTask.CompletedTask;
    }

    /// <summary>Selects (or creates) the stack, stores this run's config on it and makes sure the AWS plugin is
    /// installed.</summary>
    private async Task<WorkspaceStack> PrepareAsync(
        StackUpdateRequest request, bool createIfMissing, CancellationToken cancellationToken)
    {
        var stack = await StackAsync(request.StackName, createIfMissing, cancellationToken).ConfigureAwait(false);
        if (request.Config.Count > 0)
        {
            var config = request.Config.ToDictionary(setting => setting.Key, setting => new ConfigValue(setting.Value));
            await stack.SetAllConfigAsync(config, cancellationToken).ConfigureAwait(false);
        }

        if (!_pluginInstalled)
        {
            await stack.Workspace.InstallPluginAsync(
                    AwsPluginName, AwsPluginVersion, PluginKind.Resource, options: null,
                    cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            _pluginInstalled = true;
        }

        return stack;
    }

    private async Task<WorkspaceStack> StackAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken)
    {
        if (_stacks.TryGetValue(stackName, out var known))
        {
            return known;
        }

        var workspace = await WorkspaceAsync(cancellationToken).ConfigureAwait(false);
        // WorkspaceStack.Dispose would dispose the shared workspace, so stacks are not disposed individually.
        var stack = createIfMissing
            ? await WorkspaceStack.CreateOrSelectAsync(stackName, workspace, cancellationToken).ConfigureAwait(false)
            : await WorkspaceStack.SelectAsync(stackName, workspace, cancellationToken).ConfigureAwait(false);
        _stacks[stackName] = stack;
        return stack;
    }

    private async Task<LocalWorkspace> WorkspaceAsync(CancellationToken cancellationToken) =>
        _workspace ??= await AutomationFailures.GuardAsync(
                () => WorkspaceFactory.CreateAsync(settings, cancellationToken),
                stackName: null,
                settings.BackendUrl,
                creatingWorkspace: true)
            .ConfigureAwait(false);

    private Task<T> GuardAsync<T>(string? stackName, Func<Task<T>> operation) =>
        AutomationFailures.GuardAsync(operation, stackName, settings.BackendUrl);

    private static List<string>? Targets(StackUpdateRequest request) =>
        request.Targets.Count > 0 ? request.Targets.ToList() : null;

    private static IReadOnlyDictionary<string, StackOutput> Outputs(IEnumerable<KeyValuePair<string, OutputValue>> outputs) =>
        outputs.ToDictionary(pair => pair.Key, pair => new StackOutput(pair.Value.Value, pair.Value.IsSecret));
}
