using System.ComponentModel;
using OrdersPipeline.Deployer.Errors;
using OrdersPipeline.Deployer.Operations;
using Pulumi.Automation.Commands.Exceptions;
using Pulumi.Automation.Exceptions;

namespace OrdersPipeline.Deployer.Automation;

/// <summary>Maps the Automation API's exceptions to the command layer's failure kinds with messages a user can act
/// on. Exceptions thrown by the inline program itself pass through unchanged.</summary>
internal static class AutomationFailures
{
    public const string InstallCommand = "curl -fsSL https://get.pulumi.com | sh";

    public static async Task<T> GuardAsync<T>(
        Func<Task<T>> operation, string? stackName, string backendUrl, bool creatingWorkspace = false)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Win32Exception exception)
        {
            throw new DeployerException(
                FailureKind.PulumiCliMissing,
                $"The Pulumi CLI was not found on PATH. Install it with `{InstallCommand}` (then open a new shell), "
                + "or re-run with --install-cli to let the Deployer install the version matching its Automation SDK.",
                exception);
        }
        catch (InvalidOperationException exception) when (creatingWorkspace)
        {
            // LocalPulumiCommand's version check: the CLI is there but failed `pulumi version` or is too old.
            throw new DeployerException(
                FailureKind.PulumiCliMissing,
                $"The Pulumi CLI cannot be used: {exception.Message} Update it with `{InstallCommand}`, or re-run with "
                + "--install-cli.",
                exception);
        }
        catch (StackNotFoundException exception)
        {
            throw new DeployerException(
                FailureKind.StackNotFound,
                $"There is no stack named '{stackName}' in {backendUrl}. `stacks` lists the existing ones; "
                + $"`up --stack {stackName}` creates it.",
                exception);
        }
        catch (ConcurrentUpdateException exception)
        {
            throw new DeployerException(
                FailureKind.ConcurrentUpdate,
                $"Stack '{stackName}' is locked by another update. Wait for it to finish. If an earlier run was "
                + "killed, release the lock: for a file backend delete the stack's lock file under "
                + ".pulumi/locks in the backend folder; for Pulumi Cloud run `pulumi cancel`."
                + Environment.NewLine + CommandResultText.Extract(exception.Message),
                exception);
        }
        catch (CommandException exception)
        {
            throw new DeployerException(
                FailureKind.OperationFailed, CommandResultText.Extract(exception.Message), exception);
        }
        catch (MissingExpectedEventException exception)
        {
            throw new DeployerException(FailureKind.OperationFailed, exception.Message, exception);
        }
    }
}
