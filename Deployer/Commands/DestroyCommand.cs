using System.CommandLine;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Commands;

/// <summary><c>destroy</c>: deletes every resource of an existing stack. A stack configured with
/// <c>protect: true</c> is refused before anything is asked, whatever <c>--yes</c> says; otherwise it asks first.
/// </summary>
internal static class DestroyCommand
{
    public static Command Create(DeployerHost host)
    {
        var command = new Command("destroy", "Delete every resource of the stack (asks first unless --yes).")
        {
            CommonOptions.Stack, CommonOptions.Target, CommonOptions.Refresh, CommonOptions.BackendUrl,
            CommonOptions.Json, CommonOptions.Yes, CommonOptions.InstallCli,
        };
        command.SetAction(CommandContext.Action(host, RunAsync));
        return command;
    }

    private static async Task RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var stackName = context.StackName;
        using var workspace = context.OpenWorkspace(requirePassphrase: true);
        var config = await workspace.GetConfigAsync(stackName, createIfMissing: false, cancellationToken);
        var protectKey = ConfigSchema.FullName("protect");
        if (config.TryGetValue(protectKey, out var protect)
            && bool.TryParse(protect.Value.Trim(), out var isProtected) && isProtected)
        {
            var nl = Environment.NewLine;
            throw new DeployerException(
                ExitCodes.UsageOrConfig,
                $"Refusing to destroy stack '{stackName}': it is configured with {protectKey}: true, so its tables "
                + $"and bucket are protected and deletion-protected.{nl}"
                + $"To tear it down on purpose, first lift the protection, then destroy:{nl}"
                + $"  {CommandContext.Invocation} up --stack {stackName} --config protect=false{nl}"
                + $"  {CommandContext.Invocation} destroy --stack {stackName}");
        }

        context.Confirm(
            $"Destroy every resource of stack '{stackName}'? Tables, queues and the bucket (with its objects) are "
            + "deleted",
            $"destroy --stack {stackName}");
        context.Begin($"Destroying stack '{stackName}'…");
        var changes = await workspace.DestroyAsync(stackName, context.Operation, cancellationToken);
        context.Completed("destroy", changes);
    }
}
