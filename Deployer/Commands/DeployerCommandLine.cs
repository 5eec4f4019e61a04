using System.CommandLine;
using System.Text.RegularExpressions;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>The command tree: <c>preview</c>, <c>up</c>, <c>destroy</c>, <c>refresh</c>, <c>outputs</c>,
/// <c>stacks</c>, <c>remove</c>, and their options.</summary>
public sealed partial class DeployerCommandLine
{
    public const string DefaultStack = "dev";

    private readonly Option<string> _stack = new("--stack", "-s")
    {
        Description = "Stack to operate on; its settings live in Pulumi.<stack>.yaml at the repository root.",
        DefaultValueFactory = _ => DefaultStack,
    };

    private readonly Option<string[]> _config = new("--config", "-c")
    {
        Description = "Set a program config key before running and store it in the stack file, e.g. "
                      + "--config team=backend (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _backendUrl = new("--backend-url")
    {
        Description = "State backend URL. Default: $PULUMI_BACKEND_URL, else file://~/.orders-pipeline/state.",
    };

    private readonly Option<bool> _yes = new("--yes", "-y")
    {
        Description = "Do not ask for confirmation (destroy, remove).",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the result as JSON on stdout; progress and messages go to stderr.",
    };

    private readonly Option<bool> _refresh = new("--refresh")
    {
        Description = "Refresh the stack's state from the cloud before the operation.",
    };

    private readonly Option<string[]> _target = new("--target", "-t")
    {
        Description = "Limit the operation to this resource URN (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<bool> _installCli = new("--install-cli")
    {
        Description = "Install the Pulumi CLI version matching the Automation SDK if it is missing.",
    };

    public DeployerCommandLine(DeployerCommands commands)
    {
        _stack.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (name is null || !StackNamePattern().IsMatch(name))
            {
                result.AddError(
                    $"'{name}' is not a valid stack name: use letters, digits, '-', '_' or '.' "
                    + "(optionally prefixed with <org>/<project>/).");
            }
        });

        Root = new RootCommand(
            "Preview, raise and destroy the orders-pipeline stacks with the Pulumi Automation API.")
        {
            UpdateCommand("preview", "Show what `up` would change.", withConfig: true, withYes: false,
                commands.PreviewAsync),
            UpdateCommand("up", "Create or update the stack's resources.", withConfig: true, withYes: true,
                commands.UpAsync),
            UpdateCommand("destroy", "Delete every resource of the stack (asks first unless --yes).",
                withConfig: false, withYes: true, commands.DestroyAsync),
            RefreshCommand(commands),
            StackCommand("outputs", "Print the stack's outputs.", withStack: true, withYes: false,
                commands.OutputsAsync),
            StackCommand("stacks", "List the stacks in the state backend.", withStack: false, withYes: false,
                commands.StacksAsync),
            StackCommand("remove", "Delete an empty stack's state (asks first unless --yes).", withStack: true,
                withYes: true, commands.RemoveAsync),
        };
    }

    public RootCommand Root { get; }

    private Command UpdateCommand(
        string name,
        string description,
        bool withConfig,
        bool withYes,
        Func<UpdateCommandOptions, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description) { _stack, _backendUrl, _json, _refresh, _target, _installCli };
        if (withConfig)
        {
            command.Add(_config);
        }

        if (withYes)
        {
            command.Add(_yes);
        }

        command.SetAction((parseResult, cancellationToken) => run(ReadUpdate(parseResult), cancellationToken));
        return command;
    }

    private Command RefreshCommand(DeployerCommands commands)
    {
        var command = new Command("refresh", "Update the stack's state from what exists in the cloud.")
        {
            _stack, _backendUrl, _json, _target, _yes, _installCli,
        };
        command.SetAction((parseResult, cancellationToken) =>
            commands.RefreshAsync(ReadUpdate(parseResult), cancellationToken));
        return command;
    }

    private Command StackCommand(
        string name,
        string description,
        bool withStack,
        bool withYes,
        Func<CommonOptions, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description) { _backendUrl, _json, _installCli };
        if (withStack)
        {
            command.Add(_stack);
        }

        if (withYes)
        {
            command.Add(_yes);
        }

        command.SetAction((parseResult, cancellationToken) => run(ReadCommon(parseResult), cancellationToken));
        return command;
    }

    private CommonOptions ReadCommon(ParseResult parseResult) => new(
        parseResult.GetValue(_stack) ?? DefaultStack,
        parseResult.GetValue(_backendUrl),
        parseResult.GetValue(_json),
        parseResult.GetValue(_yes),
        parseResult.GetValue(_installCli));

    private UpdateCommandOptions ReadUpdate(ParseResult parseResult) => new(
        ReadCommon(parseResult),
        parseResult.GetValue(_config) ?? [],
        parseResult.GetValue(_target) ?? [],
        parseResult.GetValue(_refresh));

    [GeneratedRegex(@"^([A-Za-z0-9_.-]+/){0,2}[A-Za-z0-9_.-]+$")]
    private static partial Regex StackNamePattern();
}
