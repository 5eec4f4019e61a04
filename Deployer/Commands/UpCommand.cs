using System.CommandLine;

namespace OrdersPipeline.Deployer.Commands;

/// <summary><c>up</c>: validates and stores <c>--config</c>, checks the stored config, then creates or updates the
/// stack's resources and prints its outputs. Creates the stack when it does not exist; never asks.</summary>
internal static class UpCommand
{
    public static Command Create(DeployerHost host)
    {
        var command = new Command("up", "Create or update the stack's resources.")
        {
            CommonOptions.Stack, CommonOptions.Config, CommonOptions.Target, CommonOptions.Refresh,
            CommonOptions.BackendUrl, CommonOptions.Json, CommonOptions.YesNeverAsked, CommonOptions.InstallCli,
        };
        command.SetAction(CommandContext.Action(host, RunAsync));
        return command;
    }

    private static async Task RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var pairs = context.Value(CommonOptions.Config) ?? [];
        using var workspace = await StackConfigCheck.PrepareAsync(context, pairs, cancellationToken);
        context.Begin($"Updating stack '{context.StackName}'…");
        var (changes, outputs) = await workspace.UpAsync(context.StackName, context.Operation, cancellationToken);
        context.Completed("up", changes, outputs);
    }
}
