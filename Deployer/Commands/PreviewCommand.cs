using System.CommandLine;

namespace OrdersPipeline.Deployer.Commands;

/// <summary><c>preview</c>: validates and stores <c>--config</c>, checks the stored config, then shows what
/// <c>up</c> would change. Creates the stack when it does not exist.</summary>
internal static class PreviewCommand
{
    public static Command Create(DeployerHost host)
    {
        var command = new Command("preview", "Show what `up` would change.")
        {
            CommonOptions.Stack, CommonOptions.Config, CommonOptions.Target, CommonOptions.Refresh,
            CommonOptions.BackendUrl, CommonOptions.Json, CommonOptions.InstallCli,
        };
        command.SetAction(CommandContext.Action(host, RunAsync));
        return command;
    }

    private static async Task RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var pairs = context.Value(CommonOptions.Config) ?? [];
        using var workspace = await StackConfigCheck.PrepareAsync(context, pairs, cancellationToken);
        context.Begin($"Previewing stack '{context.StackName}'…");
        var changes = await workspace.PreviewAsync(context.StackName, context.Operation, cancellationToken);
        context.Completed("preview", changes);
    }
}
