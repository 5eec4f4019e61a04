using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Deployer.Commands;

/// <summary><c>stacks</c>: lists the stacks in the state backend. It reads no secrets, so needs no passphrase.
/// </summary>
internal static class StacksCommand
{
    public static Command Create(DeployerHost host)
    {
        var command = new Command("stacks", "List the stacks in the state backend.")
        {
            CommonOptions.BackendUrl, CommonOptions.Json, CommonOptions.InstallCli,
        };
        command.SetAction(CommandContext.Action(host, RunAsync));
        return command;
    }

    private static async Task RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        using var workspace = context.OpenWorkspace(requirePassphrase: false);
        var stacks = await workspace.ListStacksAsync(cancellationToken);
        if (context.Json)
        {
            var list = stacks.Select(stack => (JsonNode)new JsonObject
            {
                ["name"] = stack.Name,
                ["current"] = stack.IsCurrent,
                ["lastUpdate"] = stack.LastUpdate,
                ["resourceCount"] = stack.ResourceCount,
                ["updateInProgress"] = stack.IsUpdateInProgress,
            });
            context.WriteJson(
                new JsonObject { ["stacks"] = new JsonArray([.. list]) },
                $"{stacks.Count} stack{(stacks.Count == 1 ? "" : "s")} in the backend.");
            return;
        }

        if (stacks.Count == 0)
        {
            context.Out.WriteLine("No stacks in this backend yet; `up --stack <name>` creates one.");
            return;
        }

        context.Out.WriteLine($"{"NAME",-24} {"LAST UPDATE",-26} {"RESOURCES",9}");
        foreach (var stack in stacks)
        {
            var lastUpdate = stack.IsUpdateInProgress
                ? "in progress"
                : stack.LastUpdate?.ToString("u", CultureInfo.InvariantCulture) ?? "never";
            var resources = stack.ResourceCount?.ToString(CultureInfo.InvariantCulture) ?? "-";
            context.Out.WriteLine($"{stack.Name + (stack.IsCurrent ? "*" : ""),-24} {lastUpdate,-26} {resources,9}");
        }
    }
}
