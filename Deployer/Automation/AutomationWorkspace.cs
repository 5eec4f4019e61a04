using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Infra;
using Pulumi.Automation;
using Pulumi.Automation.Commands;

namespace OrdersPipeline.Deployer.Automation;

/// <summary>The workspace port over one <see cref="LocalWorkspace"/>, created on first use: rooted at the repository
/// (so the <c>Pulumi.&lt;stack&gt;.yaml</c> files are the ones the <c>pulumi</c> CLI uses), running
/// <see cref="PipelineStack"/> inline, with the chosen backend. Values are mapped by <see cref="AutomationMapping"/>,
/// Pulumi's exceptions by <see cref="AutomationFailures"/>.</summary>
internal sealed class AutomationWorkspace(WorkspaceSettings settings) : IStackWorkspace
{
    /// <summary>The AWS plugin matching the Pulumi.Aws package Infra builds against (Directory.Packages.props); inline
    /// programs do not report their plugins, so it is installed explicitly.</summary>
    private const string AwsPluginVersion = "v7.48.0";

    private readonly Dictionary<string, WorkspaceStack> _stacks = new(StringComparer.Ordinal);
    private LocalWorkspace? _workspace;
    private bool _pluginInstalled;

    public Task<IReadOnlyDictionary<string, StackConfigValue>> GetConfigAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken) =>
        AutomationFailures.PortAsync(async () =>
        {
            var stack = await StackAsync(stackName, createIfMissing, cancellationToken);
            return AutomationMapping.ToPort(await stack.GetAllConfigAsync(cancellationToken));
        });

    public Task SetConfigAsync(
        string stackName, IReadOnlyDictionary<string, StackConfigValue> config, CancellationToken cancellationToken) =>
        AutomationFailures.PortAsync(async () =>
        {
            var stack = await StackAsync(stackName, createIfMissing: false, cancellationToken);
            await stack.SetAllConfigAsync(AutomationMapping.ToAutomation(config), cancellationToken);
        });

    public Task<IReadOnlyDictionary<ResourceOperation, int>?> PreviewAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken) =>
        AutomationFailures.PortAsync(async () =>
        {
            var stack = await StackWithPluginAsync(stackName, cancellationToken);
            var preview = AutomationMapping.ToAutomation<PreviewOptions>(options);
            preview.Refresh = AutomationMapping.RefreshFlag(options);
            return AutomationMapping.ToPort((await stack.PreviewAsync(preview, cancellationToken)).ChangeSummary);
        });

    public Task<UpOutcome> UpAsync(string stackName, OperationOptions options, CancellationToken cancellationToken) =>
        AutomationFailures.PortAsync(async () =>
        {
            var stack = await StackWithPluginAsync(stackName, cancellationToken);
            var up = AutomationMapping.ToAutomation<UpOptions>(options);
            up.Refresh = AutomationMapping.RefreshFlag(options);
            var result = await stack.UpAsync(up, cancellationToken);
            return new UpOutcome(
                AutomationMapping.ToPort(result.Summary.ResourceChanges), AutomationMapping.ToPort(result.Outputs));
        });

    public Task<IReadOnlyDictionary<ResourceOperation, int>?> RefreshAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken) =>
        AutomationFailures.PortAsync(async () =>
        {
            var stack = await StackWithPluginAsync(stackName, cancellationToken);
            var refresh = AutomationMapping.ToAutomation<RefreshOptions>(options);
            var result = await stack.RefreshAsync(refresh, cancellationToken);
            return AutomationMapping.ToPort(result.Summary.ResourceChanges);
        });

    public Task<IReadOnlyDictionary<ResourceOperation, int>?> DestroyAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken) =>
        AutomationFailures.PortAsync(async () =>
        {
            var stack = await StackWithPluginAsync(stackName, cancellationToken);
            var destroy = AutomationMapping.ToAutomation<DestroyOptions>(options);
            destroy.Refresh = AutomationMapping.RefreshFlag(options);
            var result = await stack.DestroyAsync(destroy, cancellationToken);
            return AutomationMapping.ToPort(result.Summary.ResourceChanges);
        });

    public Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(
        string stackName, CancellationToken cancellationToken) =>
        AutomationFailures.PortAsync(async () =>
        {
            var stack = await StackAsync(stackName, createIfMissing: false, cancellationToken);
            return AutomationMapping.ToPort(await stack.GetOutputsAsync(cancellationToken));
        });

    public Task<IReadOnlyList<BackendStack>> ListStacksAsync(CancellationToken cancellationToken) =>
        AutomationFailures.PortAsync<IReadOnlyList<BackendStack>>(async () =>
        {
            var stacks = await (await WorkspaceAsync(cancellationToken)).ListStacksAsync(cancellationToken);
            return stacks.Select(stack => AutomationMapping.ToPort(stack)).ToList();
        });

    public Task RemoveStackAsync(string stackName, CancellationToken cancellationToken) =>
        AutomationFailures.PortAsync(async () =>
        {
            await (await WorkspaceAsync(cancellationToken)).RemoveStackAsync(stackName, cancellationToken);
            _stacks.Remove(stackName);
        });

    public void Dispose() => _workspace?.Dispose();

    private async Task<WorkspaceStack> StackWithPluginAsync(string stackName, CancellationToken cancellationToken)
    {
        var stack = await StackAsync(stackName, createIfMissing: false, cancellationToken);
        if (!_pluginInstalled)
        {
            await stack.Workspace.InstallPluginAsync(
                "aws", AwsPluginVersion, PluginKind.Resource, options: null, cancellationToken: cancellationToken);
            _pluginInstalled = true;
        }

        return stack;
    }

    private async Task<WorkspaceStack> StackAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken)
    {
        if (!_stacks.TryGetValue(stackName, out var stack))
        {
            var workspace = await WorkspaceAsync(cancellationToken);
            // Not disposed on its own: WorkspaceStack.Dispose would dispose the shared workspace.
            stack = createIfMissing
                ? await WorkspaceStack.CreateOrSelectAsync(stackName, workspace, cancellationToken)
                : await WorkspaceStack.SelectAsync(stackName, workspace, cancellationToken);
            _stacks[stackName] = stack;
        }

        return stack;
    }

    private async Task<LocalWorkspace> WorkspaceAsync(CancellationToken cancellationToken)
    {
        if (_workspace is not null)
        {
            return _workspace;
        }

        try
        {
            // Null finds `pulumi` on PATH; --install-cli installs the version matching the SDK (or reuses it).
            var pulumi = settings.InstallCli ? await InstallCliAsync(cancellationToken) : null;
            _workspace = await LocalWorkspace.CreateAsync(
                new LocalWorkspaceOptions
                {
                    WorkDir = settings.RepoRoot,
                    Program = PulumiFn.Create<PipelineStack>(),
                    PulumiCommand = pulumi,
                    EnvironmentVariables = new Dictionary<string, string?>
                    {
                        [WorkspaceSettings.BackendUrlVariable] = settings.BackendUrl,
                        ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
                    },
                },
                cancellationToken);
            return _workspace;
        }
        catch (InvalidOperationException exception)
        {
            // LocalPulumiCommand's version check: the CLI is there but failed `pulumi version` or is too old.
            throw new EngineUnusableException(exception.Message, exception);
        }
    }

    /// <summary><see cref="LocalPulumiCommand.Install"/>: reuses the SDK's CLI version under ~/.pulumi/versions, or
    /// downloads Pulumi's install script (install.sh; install.ps1 on Windows) from get.pulumi.com and runs it to
    /// install that version there. Any failure (no network, a proxy, the script failing) says what it tried.</summary>
    private static async Task<LocalPulumiCommand> InstallCliAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await LocalPulumiCommand.Install(null, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var script = OperatingSystem.IsWindows() ? "install.ps1" : "install.sh";
            var versions = Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pulumi", "versions");
            throw new EngineInstallException(
                $"https://get.pulumi.com/{script}", versions + Path.DirectorySeparatorChar + "<version>",
                exception.Message, exception);
        }
    }
}
