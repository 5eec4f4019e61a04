using OrdersPipeline.Deployer.Backend;
using OrdersPipeline.Deployer.Configuration;
using OrdersPipeline.Deployer.Errors;
using OrdersPipeline.Deployer.Hosting;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Deployer.Output;
using OrdersPipeline.Deployer.Progress;
using OrdersPipeline.Deployer.Safety;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>What each command does, in order, and how its failures become exit codes.</summary>
public sealed class DeployerCommands(DeployerServices services)
{
    private const string Invocation = "dotnet run --project Deployer --";

    private TextWriter Messages => services.Console.Error;

    public Task<int> PreviewAsync(UpdateCommandOptions options, CancellationToken cancellationToken) =>
        GuardAsync(cancellationToken, async display =>
        {
            var (operations, request) = await PrepareProgramRunAsync(options, cancellationToken).ConfigureAwait(false);
            await using (operations.ConfigureAwait(false))
            {
                var started = services.Clock.GetUtcNow();
                var changes = await display.TrackAsync(
                        $"Previewing stack '{request.StackName}'…",
                        observer => operations.PreviewAsync(request, observer, cancellationToken))
                    .ConfigureAwait(false);
                Results(options.Common).ChangesCompleted(
                    "preview", request.StackName, changes, planned: true, services.Clock.GetUtcNow() - started);
                return ExitCodes.Success;
            }
        });

    public Task<int> UpAsync(UpdateCommandOptions options, CancellationToken cancellationToken) =>
        GuardAsync(cancellationToken, async display =>
        {
            var (operations, request) = await PrepareProgramRunAsync(options, cancellationToken).ConfigureAwait(false);
            await using (operations.ConfigureAwait(false))
            {
                var started = services.Clock.GetUtcNow();
                var outcome = await display.TrackAsync(
                        $"Updating stack '{request.StackName}'…",
                        observer => operations.UpAsync(request, observer, cancellationToken))
                    .ConfigureAwait(false);
                Results(options.Common).UpCompleted(request.StackName, outcome, services.Clock.GetUtcNow() - started);
                return ExitCodes.Success;
            }
        });

    public Task<int> RefreshAsync(UpdateCommandOptions options, CancellationToken cancellationToken) =>
        GuardAsync(cancellationToken, async display =>
        {
            var request = ToRequest(options, config: []);
            await using var operations = OpenWorkspace(options.Common, requirePassphrase: true);
            var started = services.Clock.GetUtcNow();
            var changes = await display.TrackAsync(
                    $"Refreshing stack '{request.StackName}' from the cloud…",
                    observer => operations.RefreshAsync(request, observer, cancellationToken))
                .ConfigureAwait(false);
            Results(options.Common).ChangesCompleted(
                "refresh", request.StackName, changes, planned: false, services.Clock.GetUtcNow() - started);
            return ExitCodes.Success;
        });

    public Task<int> DestroyAsync(UpdateCommandOptions options, CancellationToken cancellationToken) =>
        GuardAsync(cancellationToken, async display =>
        {
            var request = ToRequest(options, config: []);
            var stackName = request.StackName;
            await using var operations = OpenWorkspace(options.Common, requirePassphrase: true);

            var config = await operations.GetConfigAsync(stackName, createIfMissing: false, cancellationToken)
                .ConfigureAwait(false);
            ProtectGuard.EnsureDestroyAllowed(stackName, config);
            new ConfirmationPrompt(services.Console).Require(
                $"Destroy every resource of stack '{stackName}'? Tables, queues and the bucket (with its objects) are "
                + "deleted",
                $"{Invocation} destroy --stack {stackName} --yes",
                options.Common.Yes);

            var started = services.Clock.GetUtcNow();
            var changes = await display.TrackAsync(
                    $"Destroying stack '{stackName}'…",
                    observer => operations.DestroyAsync(request, observer, cancellationToken))
                .ConfigureAwait(false);
            Results(options.Common).ChangesCompleted(
                "destroy", stackName, changes, planned: false, services.Clock.GetUtcNow() - started);
            return ExitCodes.Success;
        });

    public Task<int> OutputsAsync(CommonOptions options, CancellationToken cancellationToken) =>
        GuardAsync(cancellationToken, async _ =>
        {
            await using var operations = OpenWorkspace(options, requirePassphrase: true);
            var outputs = await operations.GetOutputsAsync(options.StackName, cancellationToken).ConfigureAwait(false);
            Results(options).Outputs(options.StackName, outputs);
            return ExitCodes.Success;
        });

    public Task<int> StacksAsync(CommonOptions options, CancellationToken cancellationToken) =>
        GuardAsync(cancellationToken, async _ =>
        {
            // Listing reads no secrets, so it works before a passphrase is chosen.
            await using var operations = OpenWorkspace(options, requirePassphrase: false);
            var stacks = await operations.ListStacksAsync(cancellationToken).ConfigureAwait(false);
            Results(options).Stacks(stacks);
            return ExitCodes.Success;
        });

    public Task<int> RemoveAsync(CommonOptions options, CancellationToken cancellationToken) =>
        GuardAsync(cancellationToken, async _ =>
        {
            var stackName = options.StackName;
            var settings = ResolveWorkspace(options, requirePassphrase: true);
            new ConfirmationPrompt(services.Console).Require(
                $"Remove stack '{stackName}' and its state history from {settings.BackendUrl}?",
                $"{Invocation} remove --stack {stackName} --yes",
                options.Yes);

            await using var operations = services.Operations.Create(settings);
            await operations.RemoveStackAsync(stackName, cancellationToken).ConfigureAwait(false);
            Results(options).Removed(stackName);
            return ExitCodes.Success;
        });

    /// <summary>Everything before the program runs (preview, up): config pairs, workspace, stored config.
    /// Infra's build (a dependency of this project) has already published the Functions package.</summary>
    private async Task<(IStackOperations Operations, StackUpdateRequest Request)> PrepareProgramRunAsync(
        UpdateCommandOptions options, CancellationToken cancellationToken)
    {
        var overrides = ConfigPairParser.Parse(options.ConfigPairs);
        var request = ToRequest(options, overrides);
        var settings = ResolveWorkspace(options.Common, requirePassphrase: true);
        var operations = services.Operations.Create(settings);
        try
        {
            var stored = await operations.GetConfigAsync(request.StackName, createIfMissing: true, cancellationToken)
                .ConfigureAwait(false);
            foreach (var warning in StoredConfigValidator.Validate(request.StackName, stored, overrides))
            {
                Messages.WriteLine("warning: " + warning);
            }

            return (operations, request);
        }
        catch
        {
            await operations.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private IStackOperations OpenWorkspace(CommonOptions options, bool requirePassphrase) =>
        services.Operations.Create(ResolveWorkspace(options, requirePassphrase));

    private WorkspaceSettings ResolveWorkspace(CommonOptions options, bool requirePassphrase)
    {
        var environment = services.Environment;
        var repoRoot = RepoRootLocator.Find(environment.CurrentDirectory, environment.ApplicationDirectory)
                       ?? throw new DeployerException(
                           FailureKind.Usage,
                           $"No {RepoRootLocator.ProjectFileName} found in {environment.CurrentDirectory} or any "
                           + "folder above it. Run the Deployer from inside the orders-pipeline repository.");

        var backend = BackendResolver.Resolve(options.BackendUrl, environment);
        if (requirePassphrase)
        {
            PassphraseRequirement.Ensure(backend, environment);
        }

        return new WorkspaceSettings(repoRoot, backend.Url, options.InstallCli);
    }

    private static StackUpdateRequest ToRequest(UpdateCommandOptions options, IReadOnlyList<ConfigSetting> config) =>
        new(options.Common.StackName, config, options.Targets, options.Refresh);

    private ResultWriter Results(CommonOptions options) => new(services.Console, options.Json);

    /// <summary>Runs a command body and turns any failure into a message on stderr and an exit code.</summary>
    private async Task<int> GuardAsync(
        CancellationToken cancellationToken, Func<IProgressDisplay, Task<int>> body)
    {
        var display = ProgressDisplay.Create(services.Console, services.Clock);
        try
        {
            var exitCode = await body(display).ConfigureAwait(false);
            WriteEngineErrors(display);
            return exitCode;
        }
        catch (Exception exception)
        {
            var failure = FailureClassifier.Classify(exception, cancellationToken.IsCancellationRequested);
            var engineErrors = display.Errors;
            if (failure.Kind == FailureKind.OperationFailed && engineErrors.Count > 0)
            {
                // The engine's own diagnostics say what went wrong better than the CLI's exit status.
                WriteEngineErrors(display);
                Messages.WriteLine("error: the operation failed; see the errors above.");
            }
            else
            {
                Messages.WriteLine(failure.Kind == FailureKind.Cancelled ? failure.Message : "error: " + failure.Message);
            }

            return failure.ExitCode;
        }
    }

    private void WriteEngineErrors(IProgressDisplay display)
    {
        foreach (var error in display.Errors)
        {
            Messages.WriteLine(StepLineFormatter.Format(error));
        }
    }
}
