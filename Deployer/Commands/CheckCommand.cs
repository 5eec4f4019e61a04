using System.CommandLine;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Deployer.Commands;

/// <summary><c>check</c>: validates <c>Pulumi.&lt;stack&gt;.yaml</c> as <c>preview</c> and <c>up</c> do before they
/// start the engine, and does nothing else: no Pulumi CLI, passphrase, state backend or AWS account is needed.
/// <c>secure:</c> values stay unread.</summary>
internal static class CheckCommand
{
    public static Command Create(DeployerHost host)
    {
        var command = new Command(
            "check",
            "Check the stack file Pulumi.<stack>.yaml against the program's config rules; needs no Pulumi CLI, "
            + "passphrase or AWS.")
        {
            CommonOptions.Stack, CommonOptions.Json,
        };
        command.SetAction(CommandContext.Action(host, Run));
        return command;
    }

    private static Task Run(CommandContext context, CancellationToken cancellationToken)
    {
        var repoRoot = Engine.WorkspaceSettings.FindRepoRoot(context.Host);
        var file = StackFile.Read(repoRoot, context.StackName) ?? throw new DeployerException(
            ExitCodes.UsageOrConfig,
            $"There is no {StackFile.NameFor(context.StackName)} in {repoRoot}. "
            + $"`up --stack {context.StackName} --config team=<team>` creates the stack and its file.");
        var report = StackFileCheck.Validate(
            file, context.StackName, new Dictionary<string, Engine.StackConfigValue>(), context.Warn);

        var secure = report.SecureKeys.Count == 0
            ? ""
            : $"; {report.SecureKeys.Count} secure value{(report.SecureKeys.Count == 1 ? "" : "s")} not read "
              + $"({string.Join(", ", report.SecureKeys)})";
        var message = $"{report.FileName} is valid: {report.Checked} program key{(report.Checked == 1 ? "" : "s")} "
                      + $"checked with the rules across keys{secure}.";
        context.Human.WriteLine(message);
        if (context.Json)
        {
            context.WriteJson(
                new JsonObject
                {
                    ["stack"] = context.StackName,
                    ["file"] = report.FileName,
                    ["valid"] = true,
                    ["warnings"] = new JsonArray([.. report.Warnings.Select(warning => (JsonNode)warning)]),
                },
                message);
        }

        return Task.CompletedTask;
    }
}
