using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>One command's run: its parsed options, the host, System.CommandLine's output writers, progress, results,
/// and the handling that turns any failure into a message on stderr and an exit code.</summary>
internal sealed class CommandContext(ParseResult parseResult, DeployerHost host)
{
    public const string Invocation = "dotnet run --project Deployer --";
    public const string SecretPlaceholder = "[secret]";

    public const string CancelledMessage =
        "Cancelled. A resource operation that was in flight may not have finished; run `refresh` for this stack "
        + "before the next `up` if this interrupted a change.";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private DateTimeOffset _started = host.Clock.GetUtcNow();
    private string? _backendUrl;
    private string? _createdStateFolder;

    public TextWriter Out => parseResult.InvocationConfiguration.Output;

    /// <summary>Progress, prompts and messages.</summary>
    public TextWriter Error => parseResult.InvocationConfiguration.Error;

    /// <summary>The human-readable result: stdout, or stderr when <c>--json</c> keeps stdout for the JSON.</summary>
    public TextWriter Human => Json ? Error : Out;

    public bool Json => parseResult.GetValue(CommonOptions.Json);

    public string StackName => parseResult.GetRequiredValue(CommonOptions.Stack);

    /// <summary>The <c>--target</c> URNs; null for every resource.</summary>
    public IReadOnlyList<string>? Targets =>
        parseResult.GetValue(CommonOptions.Target) is { Length: > 0 } targets ? targets : null;

    public bool RefreshFirst => parseResult.GetValue(CommonOptions.Refresh);

    public DeployerHost Host => host;

    public T? Value<T>(Option<T> option) => parseResult.GetValue(option);

    public void Warn(string warning) => Error.WriteLine("warning: " + warning);

    public StepProgress Progress { get; } = new(parseResult.InvocationConfiguration.Error, host.Clock);

    /// <summary>The options of a preview, up or destroy: <c>--target</c>, <c>--refresh</c>, progress.</summary>
    public OperationOptions Operation => new(Targets, RefreshFirst, Progress.OnEvent);

    /// <summary>The action System.CommandLine runs: <paramref name="body"/>, then 0, or the failure's exit code.
    /// </summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(
        DeployerHost host, Func<CommandContext, CancellationToken, Task> body) =>
        async (parseResult, cancellationToken) =>
        {
            var context = new CommandContext(parseResult, host);
            try
            {
                await body(context, cancellationToken);
                return ExitCodes.Success;
            }
            catch (Exception exception)
            {
                return context.Fail(exception, cancellationToken.IsCancellationRequested);
            }
        };

    public WorkspaceSettings ResolveWorkspace(bool requirePassphrase)
    {
        var settings = WorkspaceSettings.Resolve(
            host,
            parseResult.GetValue(CommonOptions.BackendUrl),
            parseResult.GetValue(CommonOptions.InstallCli),
            requirePassphrase);
        _backendUrl = settings.BackendUrl;
        return settings;
    }

    public IStackWorkspace OpenWorkspace(bool requirePassphrase) => OpenWorkspace(ResolveWorkspace(requirePassphrase));

    /// <summary>Opens the workspace, creating a file backend's folder first: the engine refuses a file backend whose
    /// folder does not exist. A folder created here is removed again if the command fails and leaves it empty.
    /// </summary>
    public IStackWorkspace OpenWorkspace(WorkspaceSettings settings)
    {
        if (settings.FileBackendFolder(host.HomeDirectory) is { } folder && !Directory.Exists(folder))
        {
            _createdStateFolder = Path.GetFullPath(folder);
            Directory.CreateDirectory(folder);
        }

        return host.OpenWorkspace(settings);
    }

    /// <summary>Returns when confirmed. <c>--yes</c> skips the question; with no terminal to answer it the command
    /// refuses (exit 2) rather than guess; any answer but yes exits 130.</summary>
    public void Confirm(string question, string commandWithYes)
    {
        if (parseResult.GetValue(CommonOptions.Yes))
        {
            return;
        }

        switch (host.Prompt.Confirm(question))
        {
            case null:
                throw new DeployerException(
                    ExitCodes.UsageOrConfig,
                    $"{question} needs confirmation, but no terminal is attached to answer it. Re-run with --yes to "
                    + $"confirm: {Invocation} {commandWithYes} --yes");
            case false:
                throw new DeployerException(ExitCodes.Cancelled, "Not confirmed; nothing was changed.");
        }
    }

    /// <summary>Announces the engine run on stderr and starts its clock.</summary>
    public void Begin(string title)
    {
        Error.WriteLine(title);
        _started = host.Clock.GetUtcNow();
    }

    /// <summary>The summary of a preview, up, refresh or destroy; <paramref name="outputs"/> after <c>up</c>.</summary>
    public void Completed(
        string operation,
        IReadOnlyDictionary<ResourceOperation, int>? changes,
        IReadOnlyDictionary<string, StackOutput>? outputs = null)
    {
        var duration = host.Clock.GetUtcNow() - _started;
        var counts = (changes ?? ImmutableDictionary<ResourceOperation, int>.Empty)
            .Where(change => change.Value > 0)
            .OrderBy(change => change.Key == ResourceOperation.Same)
            .ThenBy(change => change.Key)
            .ToArray();
        var summary = counts.Length == 0
            ? "no resources"
            : string.Join(", ", counts.Select(change => $"{change.Value} {StepProgress.Name(change.Key)}"));
        var message = $"{char.ToUpperInvariant(operation[0])}{operation[1..]} of stack '{StackName}' finished in "
                      + $"{StepProgress.Format(duration)}: {summary}.";
        Human.WriteLine(message);
        if (!Json)
        {
            WriteOutputs(outputs);
            return;
        }

        var document = new JsonObject
        {
            ["stack"] = StackName,
            ["operation"] = operation,
            ["changes"] = new JsonObject(
                counts.Select(change => KeyValuePair.Create(StepProgress.Name(change.Key), (JsonNode?)change.Value))),
            ["durationSeconds"] = Math.Round(duration.TotalSeconds, 1),
        };
        if (outputs is not null)
        {
            document["outputs"] = OutputsJson(outputs);
        }

        WriteJson(document, message);
    }

    /// <summary>Outputs as <c>name  value</c> lines, values as compact JSON, secrets masked.</summary>
    public void WriteOutputs(IReadOnlyDictionary<string, StackOutput>? outputs)
    {
        if (outputs is null || outputs.Count == 0)
        {
            return;
        }

        var width = outputs.Keys.Max(name => name.Length);
        Human.WriteLine("Outputs:");
        foreach (var (name, node) in OutputsJson(outputs))
        {
            var text = node is JsonValue value && value.TryGetValue<string>(out var plain)
                ? plain
                : node?.ToJsonString();
            Human.WriteLine($"  {name.PadRight(width)}  {text ?? "null"}");
        }
    }

    /// <summary>Outputs keeping their JSON types, secrets masked, ordered by name. The values are copies: a node
    /// belongs to one document.</summary>
    public static JsonObject OutputsJson(IReadOnlyDictionary<string, StackOutput> outputs) => new(
        outputs.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => KeyValuePair.Create(
            pair.Key,
            pair.Value.IsSecret ? JsonValue.Create(SecretPlaceholder) : pair.Value.Value?.DeepClone())));

    /// <summary>A successful command's one JSON document on stdout, with <c>exitCode</c> 0 and the human
    /// <paramref name="message"/> (docs/deploying.md, "JSON output").</summary>
    public void WriteJson(JsonObject document, string message)
    {
        document["exitCode"] = ExitCodes.Success;
        document["message"] = message;
        Out.WriteLine(document.ToJsonString(Indented));
    }

    private int Fail(Exception exception, bool cancellationRequested)
    {
        var (exitCode, message, problems) = Outcome(exception, cancellationRequested);
        if (exitCode is ExitCodes.Cancelled)
        {
            Error.WriteLine(message);
        }
        else
        {
            // The engine's error diagnostics, already printed, say what went wrong better than the CLI's exit status.
            Error.WriteLine(exitCode == ExitCodes.OperationFailed && Progress.ErrorCount > 0
                ? "error: the operation failed; see the errors above."
                : "error: " + message);
        }

        if (Json)
        {
            var document = new JsonObject
            {
                ["command"] = parseResult.CommandResult.Command.Name,
                ["stack"] = StackOrNull,
                ["exitCode"] = exitCode,
                ["message"] = exitCode == ExitCodes.OperationFailed && Progress.ErrorCount > 0
                    ? string.Join(Environment.NewLine, Progress.Errors)
                    : message,
            };
            if (problems.Count > 0)
            {
                document["problems"] = new JsonArray([.. problems.Select(problem => (JsonNode)problem)]);
            }

            Out.WriteLine(document.ToJsonString(Indented));
        }

        RemoveCreatedStateFolderIfEmpty();
        return exitCode;
    }

    private string? StackOrNull =>
        parseResult.CommandResult.Command.Options.Contains(CommonOptions.Stack) ? StackName : null;

    private (int ExitCode, string Message, IReadOnlyList<string> Problems) Outcome(
        Exception exception, bool cancellationRequested)
    {
        if (cancellationRequested || exception is OperationCanceledException)
        {
            return (ExitCodes.Cancelled, CancelledMessage, []);
        }

        var stackName = parseResult.GetResult(CommonOptions.Stack) is null ? null : StackName;
        return Classify(EngineFailures.Explain(exception, stackName, _backendUrl));
    }

    /// <summary>A failed run leaves no empty state folder behind: the folder
    /// <see cref="OpenWorkspace(WorkspaceSettings)"/> created goes again while it holds no file, and so do its parents
    /// inside the home folder that are left empty (<c>~/.orders-pipeline</c>).</summary>
    private void RemoveCreatedStateFolderIfEmpty()
    {
        if (_createdStateFolder is not { } folder || !Directory.Exists(folder)
            || Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())
        {
            return;
        }

        Directory.Delete(folder, recursive: true);
        var home = Path.GetFullPath(host.HomeDirectory) + Path.DirectorySeparatorChar;
        var parent = Path.GetDirectoryName(folder);
        while (parent is not null && parent.StartsWith(home, StringComparison.Ordinal)
               && !Directory.EnumerateFileSystemEntries(parent).Any())
        {
            Directory.Delete(parent);
            parent = Path.GetDirectoryName(parent);
        }
    }

    /// <summary>A <see cref="DeployerException"/> (the engine's failures are explained as one) carries its exit code.
    /// An exception from Infra's definitions, raised by the inline program before any resource exists (invalid
    /// config, a missing Functions package), is a config error (2). Anything else is an operation failure (1),
    /// reported by its message alone.</summary>
    private static (int ExitCode, string Message, IReadOnlyList<string> Problems) Classify(Exception exception)
    {
        // An AggregateException's InnerException is its first inner exception.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DeployerException deployer:
                    return (deployer.ExitCode, deployer.Message, deployer.Problems);
                case ConfigValidationException config:
                    return (ExitCodes.UsageOrConfig, config.Message, config.Problems);
                case FunctionsPackageMissingException:
                    return (ExitCodes.UsageOrConfig, current.Message, []);
            }
        }

        return (ExitCodes.OperationFailed, exception.Message, []);
    }
}
