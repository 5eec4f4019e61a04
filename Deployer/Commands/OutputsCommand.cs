using System.CommandLine;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Deployer.Commands;

/// <summary><c>outputs</c>: prints an existing stack's outputs, secrets masked.</summary>
internal static class OutputsCommand
{
    public static Command Create(DeployerHost host)
    {
        var command = new Command("outputs", "Print the stack's outputs.")
        {
            CommonOptions.Stack, CommonOptions.BackendUrl, CommonOptions.Json, CommonOptions.InstallCli,
        };
        command.SetAction(CommandContext.Action(host, RunAsync));
        return command;
    }

    private static async Task RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        using var workspace = context.OpenWorkspace(requirePassphrase: true);
        var outputs = await workspace.GetOutputsAsync(context.StackName, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(
                new JsonObject
                {
                    ["stack"] = context.StackName,
                    ["outputs"] = CommandContext.OutputsJson(outputs),
                },
                $"Stack '{context.StackName}' has {outputs.Count} output{(outputs.Count == 1 ? "" : "s")}.");
        }
        else if (outputs.Count == 0)
        {
            context.Out.WriteLine($"Stack '{context.StackName}' has no outputs (has it been deployed with `up`?).");
        }
        else
        {
            context.WriteOutputs(outputs);
        }
    }
}
