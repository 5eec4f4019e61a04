using System.CommandLine;
using OrdersPipeline.Deployer.Engine;

namespace OrdersPipeline.Deployer.Commands;

/// <summary><c>refresh</c>: updates an existing stack's state from what exists in the cloud.</summary>
internal static class RefreshCommand
{
    public static Command Create(DeployerHost host)
    {
        var command = new Command("refresh", "Update the stack's state from what exists in the cloud.")
        {
            CommonOptions.Stack, CommonOptions.Target, CommonOptions.BackendUrl, CommonOptions.Json,
            CommonOptions.YesNeverAsked, CommonOptions.InstallCli,
        };
        command.SetAction(CommandContext.Action(host, RunAsync));
        return command;
    }

    private static async Task RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        using var workspace = context.OpenWorkspace(requirePassphrase: true);
        context.Begin($"Refreshing stack '{context.StackName}' from the cloud…");
        var options = new OperationOptions(context.Targets, RefreshFirst: false, context.Progress.OnEvent);
        var changes = await workspace.RefreshAsync(context.StackName, options, cancellationToken);
        context.Completed("refresh", changes);
    }
}
