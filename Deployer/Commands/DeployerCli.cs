using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrdersPipeline.Deployer.Commands;

namespace OrdersPipeline.Deployer;

/// <summary>The command tree and its entry point.</summary>
public static class DeployerCli
{
    public static RootCommand CreateRoot(DeployerHost host) =>
        new("Preview, raise and destroy the orders-pipeline stacks with the Pulumi Automation API.")
        {
            PreviewCommand.Create(host),
            UpCommand.Create(host),
            DestroyCommand.Create(host),
            RefreshCommand.Create(host),
            OutputsCommand.Create(host),
            StacksCommand.Create(host),
            RemoveCommand.Create(host),
            CheckCommand.Create(host),
        };

    /// <summary>Parses <paramref name="args"/>, runs the command and returns its exit code. A command line that does
    /// not parse is a usage error (exit 2), also reported as JSON on stdout when the arguments hold <c>--json</c>.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, DeployerHost host, InvocationConfiguration invocation, CancellationToken cancellationToken)
    {
        var parseResult = CreateRoot(host).Parse(args);
        if (parseResult.Errors.Count == 0)
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }

        foreach (var error in parseResult.Errors)
        {
            invocation.Error.WriteLine("error: " + error.Message);
        }

        invocation.Error.WriteLine("Run with --help to see the commands and options.");
        if (args.Contains("--json", StringComparer.Ordinal))
        {
            var document = new JsonObject
            {
                ["command"] = parseResult.CommandResult.Command is RootCommand
                    ? null
                    : parseResult.CommandResult.Command.Name,
                ["stack"] = null,
                ["exitCode"] = ExitCodes.UsageOrConfig,
                ["message"] = string.Join(Environment.NewLine, parseResult.Errors.Select(error => error.Message)),
            };
            invocation.Output.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        return ExitCodes.UsageOrConfig;
    }
}
