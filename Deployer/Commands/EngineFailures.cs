using OrdersPipeline.Deployer.Engine;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>The user-facing failure, with its exit code, for each kind of <see cref="EngineException"/>.</summary>
internal static class EngineFailures
{
    public const string InstallCommand = "curl -fsSL https://get.pulumi.com | sh";
    public const string ReleasesUrl = "https://github.com/pulumi/pulumi/releases";

    /// <summary>A <see cref="DeployerException"/> for an engine failure; any other exception (the inline program's
    /// own included) is returned as it is.</summary>
    public static Exception Explain(Exception exception, string? stackName, string? backendUrl) => exception switch
    {
        EngineMissingException => new DeployerException(
            ExitCodes.Environment,
            $"The Pulumi CLI was not found on PATH. Install it with `{InstallCommand}` (then open a new shell), or "
            + "re-run with --install-cli to let the Deployer install the version matching its Automation SDK.",
            exception),
        EngineUnusableException => new DeployerException(
            ExitCodes.Environment,
            $"The Pulumi CLI cannot be used: {exception.Message} Update it with `{InstallCommand}`, or re-run "
            + "with --install-cli.",
            exception),
        EngineInstallException install => new DeployerException(
            ExitCodes.Environment,
            $"--install-cli could not install the Pulumi CLI. It downloads Pulumi's install script from "
            + $"{install.ScriptUrl} and runs it to put the CLI version matching the Deployer's Automation SDK in "
            + $"{install.InstallFolder}; that failed: {exception.Message}{Environment.NewLine}"
            + "If this machine has no internet access, or a proxy blocks get.pulumi.com (set HTTPS_PROXY for one "
            + $"that allows it), install the CLI yourself: `{InstallCommand}` where the network allows it, or unpack "
            + $"the archive for this system from {ReleasesUrl} into a folder on PATH; then run again without "
            + "--install-cli.",
            exception),
        StackMissingException => new DeployerException(
            ExitCodes.UsageOrConfig,
            $"There is no stack named '{stackName}' in {backendUrl}. `stacks` lists the existing ones; "
            + $"`up --stack {stackName}` creates it.",
            exception),
        StackLockedException => new DeployerException(
            ExitCodes.OperationFailed,
            $"Stack '{stackName}' is locked by another update. Wait for it to finish. If an earlier run was killed, "
            + "release the lock: for a file backend delete the stack's lock file under .pulumi/locks in the backend "
            + "folder; for Pulumi Cloud run `pulumi cancel`." + Environment.NewLine + exception.Message,
            exception),
        EngineCommandException => new DeployerException(ExitCodes.OperationFailed, exception.Message, exception),
        _ => exception,
    };
}
