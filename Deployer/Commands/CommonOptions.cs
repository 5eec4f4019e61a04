using System.CommandLine;
using System.Text.RegularExpressions;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>The options the commands share; each command lists the ones it takes.</summary>
internal static partial class CommonOptions
{
    public static readonly Option<string> Stack = StackOption();

    public static readonly Option<string[]> Config = new("--config", "-c")
    {
        Description = "Set a program config key before running and store it in the stack file, e.g. "
                      + "--config team=backend (repeatable).",
    };

    public static readonly Option<string?> BackendUrl = new("--backend-url")
    {
        Description = "State backend URL. Default: $PULUMI_BACKEND_URL, else file://~/.orders-pipeline/state.",
    };

    public static readonly Option<bool> Yes = new("--yes", "-y")
    {
        Description = "Do not ask for confirmation; without a terminal to answer, the command refuses unless given.",
    };

    /// <summary><c>--yes</c> on the commands that never ask (up, refresh): accepted so one script line can pass it to
    /// every command.</summary>
    public static readonly Option<bool> YesNeverAsked = new("--yes", "-y")
    {
        Description = "Accepted and ignored: this command never asks for confirmation.",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the result as JSON on stdout; progress and messages go to stderr.",
    };

    public static readonly Option<bool> Refresh = new("--refresh")
    {
        Description = "Refresh the stack's state from the cloud before the operation.",
    };

    public static readonly Option<string[]> Target = new("--target", "-t")
    {
        Description = "Limit the operation to this resource URN (repeatable).",
    };

    public static readonly Option<bool> InstallCli = new("--install-cli")
    {
        Description = "Install the Pulumi CLI version matching the Automation SDK if it is missing.",
    };

    private static Option<string> StackOption()
    {
        var option = new Option<string>("--stack", "-s")
        {
            Description = "Stack to operate on; its settings live in Pulumi.<stack>.yaml at the repository root.",
            DefaultValueFactory = _ => "dev",
        };
        option.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (name is null || !StackNamePattern().IsMatch(name))
            {
                result.AddError($"'{name}' is not a valid stack name: use letters, digits, '-', '_' or '.' "
                                + "(optionally prefixed with <org>/<project>/).");
            }
        });
        return option;
    }

    [GeneratedRegex(@"^([A-Za-z0-9_.-]+/){0,2}[A-Za-z0-9_.-]+$")]
    private static partial Regex StackNamePattern();
}
