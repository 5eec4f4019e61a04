using System.ComponentModel;
using OrdersPipeline.Infra;
using Pulumi.Automation;
using Pulumi.Automation.Commands;
using Pulumi.Automation.Commands.Exceptions;
using Pulumi.Automation.Exceptions;

namespace OrdersPipeline.Deployer.Automation;

/// <summary><see cref="IStackWorkspace"/> over one <see cref="LocalWorkspace"/>, created on first use: rooted at the
/// repository (so the <c>Pulumi.&lt;stack&gt;.yaml</c> files are the ones the <c>pulumi</c> CLI uses), running
/// <see cref="PipelineStack"/> inline, with the chosen backend. <see cref="Translate"/> turns Pulumi's exceptions
/// into messages a user can act on.</summary>
internal sealed class AutomationWorkspace(WorkspaceSettings settings) : IStackWorkspace
{
    public const string InstallCommand = "curl -fsSL https://get.pulumi.com | sh";

    /// <summary>The AWS plugin matching the Pulumi.Aws package Infra builds against (Directory.Packages.props); inline
    /// programs do not report their plugins, so it is installed explicitly.</summary>
    private const string AwsPluginVersion = "v7.48.0";

    private readonly Dictionary<string, WorkspaceStack> _stacks = new(StringComparer.Ordinal);
    private LocalWorkspace? _workspace;
    private bool _pluginInstalled;

    public async Task<IReadOnlyDictionary<string, ConfigValue>> GetConfigAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken)
    {
        var stack = await StackAsync(stackName, createIfMissing, cancellationToken);
        return await stack.GetAllConfigAsync(cancellationToken);
    }

    public async Task SetConfigAsync(
        string stackName, IDictionary<string, ConfigValue> config, CancellationToken cancellationToken)
    {
        var stack = await StackAsync(stackName, createIfMissing: false, cancellationToken);
        await stack.SetAllConfigAsync(config, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<OperationType, int>?> PreviewAsync(
        string stackName, PreviewOptions options, CancellationToken cancellationToken)
    {
        var stack = await StackWithPluginAsync(stackName, cancellationToken);
        return (await stack.PreviewAsync(options, cancellationToken)).ChangeSummary;
    }

    public async Task<(
            IReadOnlyDictionary<OperationType, int>? Changes, IReadOnlyDictionary<string, OutputValue> Outputs)>
        UpAsync(string stackName, UpOptions options, CancellationToken cancellationToken)
    {
        var stack = await StackWithPluginAsync(stackName, cancellationToken);
        var result = await stack.UpAsync(options, cancellationToken);
        return (result.Summary.ResourceChanges, result.Outputs);
    }

    public async Task<IReadOnlyDictionary<OperationType, int>?> RefreshAsync(
        string stackName, RefreshOptions options, CancellationToken cancellationToken)
    {
        var stack = await StackWithPluginAsync(stackName, cancellationToken);
        return (await stack.RefreshAsync(options, cancellationToken)).Summary.ResourceChanges;
    }

    public async Task<IReadOnlyDictionary<OperationType, int>?> DestroyAsync(
        string stackName, DestroyOptions options, CancellationToken cancellationToken)
    {
        var stack = await StackWithPluginAsync(stackName, cancellationToken);
        return (await stack.DestroyAsync(options, cancellationToken)).Summary.ResourceChanges;
    }

    public async Task<IReadOnlyDictionary<string, OutputValue>> GetOutputsAsync(
        string stackName, CancellationToken cancellationToken)
    {
        var stack = await StackAsync(stackName, createIfMissing: false, cancellationToken);
        return await stack.GetOutputsAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StackSummary>> ListStacksAsync(CancellationToken cancellationToken) =>
        await (await WorkspaceAsync(cancellationToken)).ListStacksAsync(cancellationToken);

    public async Task RemoveStackAsync(string stackName, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(cancellationToken);
        // `pulumi stack rm` also deletes Pulumi.<stack>.yaml, which is committed here: keep a copy, put it back.
        var stackFile = Path.Combine(settings.RepoRoot, $"Pulumi.{stackName.Split('/')[^1]}.yaml");
        var saved = File.Exists(stackFile) ? await File.ReadAllBytesAsync(stackFile, cancellationToken) : null;
        try
        {
            await workspace.RemoveStackAsync(stackName, cancellationToken);
        }
        finally
        {
            if (saved is not null && !File.Exists(stackFile))
            {
                await File.WriteAllBytesAsync(stackFile, saved, CancellationToken.None);
            }
        }

        _stacks.Remove(stackName);
    }

    public void Dispose() => _workspace?.Dispose();

    /// <summary>The user-facing failure for one of Pulumi's exceptions; any other exception (the inline program's own
    /// included) is returned as it is.</summary>
    public static Exception Translate(Exception exception, string? stackName, string? backendUrl) => exception switch
    {
        Win32Exception => new DeployerException(
            ExitCodes.UsageOrConfig,
            $"The Pulumi CLI was not found on PATH. Install it with `{InstallCommand}` (then open a new shell), or "
            + "re-run with --install-cli to let the Deployer install the version matching its Automation SDK.",
            exception),
        StackNotFoundException => new DeployerException(
            ExitCodes.UsageOrConfig,
            $"There is no stack named '{stackName}' in {backendUrl}. `stacks` lists the existing ones; "
            + $"`up --stack {stackName}` creates it.",
            exception),
        ConcurrentUpdateException => new DeployerException(
            ExitCodes.OperationFailed,
            $"Stack '{stackName}' is locked by another update. Wait for it to finish. If an earlier run was killed, "
            + "release the lock: for a file backend delete the stack's lock file under .pulumi/locks in the backend "
            + "folder; for Pulumi Cloud run `pulumi cancel`." + Environment.NewLine + StderrOf(exception.Message),
            exception),
        CommandException => new DeployerException(ExitCodes.OperationFailed, StderrOf(exception.Message), exception),
        _ => exception,
    };

    /// <summary>A failed Pulumi command reports <c>code: N\nstdout: …\nstderr: …</c>; the stderr part says why.
    /// </summary>
    public static string StderrOf(string report)
    {
        var stderrAt = report.LastIndexOf("stderr: ", StringComparison.Ordinal);
        var stderr = stderrAt < 0 ? "" : report[(stderrAt + "stderr: ".Length)..].Trim();
        return stderr.Length > 0 ? stderr : report.Trim();
    }

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

        if (settings.IsFileBackend)
        {
            // The engine refuses a file backend whose folder does not exist.
            var path = settings.BackendUrl[WorkspaceSettings.FileScheme.Length..];
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            Directory.CreateDirectory(path.StartsWith('~') ? Path.Combine(home, path[1..].TrimStart('/')) : path);
        }

        try
        {
            // Null finds `pulumi` on PATH; --install-cli installs the version matching the SDK under
            // ~/.pulumi/versions (or reuses it).
            var pulumi = settings.InstallCli ? await LocalPulumiCommand.Install(null, cancellationToken) : null;
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
            throw new DeployerException(
                ExitCodes.UsageOrConfig,
                $"The Pulumi CLI cannot be used: {exception.Message} Update it with `{InstallCommand}`, or re-run "
                + "with --install-cli.",
                exception);
        }
    }
}
