using System.CommandLine;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Deployer.Commands;

/// <summary><c>remove</c>: deletes an empty stack's state after asking; the stack's <c>Pulumi.&lt;stack&gt;.yaml</c>
/// is kept.</summary>
internal static class RemoveCommand
{
    public static Command Create(DeployerHost host)
    {
        var command = new Command("remove", "Delete an empty stack's state (asks first unless --yes).")
        {
            CommonOptions.Stack, CommonOptions.BackendUrl, CommonOptions.Json, CommonOptions.Yes,
            CommonOptions.InstallCli,
        };
        command.SetAction(CommandContext.Action(host, RunAsync));
        return command;
    }

    private static async Task RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var stackName = context.StackName;
        var settings = context.ResolveWorkspace(requirePassphrase: true);
        context.Confirm(
            $"Remove stack '{stackName}' and its state history from {settings.BackendUrl}?",
            $"remove --stack {stackName}");

        using var workspace = context.OpenWorkspace(settings);
        // The engine's `stack rm` also deletes Pulumi.<stack>.yaml, which is committed here: keep a copy, put it back.
        var stackFile = StackFile.PathFor(settings.RepoRoot, stackName);
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

        var message = $"Removed stack '{stackName}' from the backend ({StackFile.NameFor(stackName)} is kept).";
        context.Human.WriteLine(message);
        if (context.Json)
        {
            context.WriteJson(new JsonObject { ["stack"] = stackName, ["removed"] = true }, message);
        }
    }
}
