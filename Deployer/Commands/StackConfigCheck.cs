using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>The config checks before the program runs (preview, up), against Infra's schema: <c>--config</c> pairs;
/// <c>Pulumi.&lt;stack&gt;.yaml</c> read by the Deployer itself with those pairs (<see cref="StackFileCheck"/>), before
/// any engine, CLI or passphrase is needed; then the values the engine stores, secrets decrypted. Every problem is
/// reported at once, as exit code 2, before the engine runs the program.</summary>
internal static class StackConfigCheck
{
    /// <summary>Validates the pairs and the stack file, opens the workspace, creates or selects the stack, validates
    /// its stored config and stores the pairs on it.</summary>
    public static async Task<IStackWorkspace> PrepareAsync(
        CommandContext context, IEnumerable<string> pairs, CancellationToken cancellationToken)
    {
        var overrides = Parse(pairs);
        // A new stack has no file yet: the engine creates it, and the program checks the whole config when it runs.
        var file = StackFile.Read(WorkspaceSettings.FindRepoRoot(context.Host), context.StackName);
        if (file is not null)
        {
            StackFileCheck.Validate(file, context.StackName, overrides, context.Warn);
        }

        var workspace = context.OpenWorkspace(requirePassphrase: true);
        try
        {
            var stored = await workspace.GetConfigAsync(context.StackName, createIfMissing: true, cancellationToken);
            var warnings = ValidateStored(context.StackName, stored, overrides.Keys);
            if (file is null)
            {
                foreach (var warning in warnings)
                {
                    context.Warn(warning);
                }
            }

            if (overrides.Count > 0)
            {
                await workspace.SetConfigAsync(context.StackName, overrides, cancellationToken);
            }

            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary><c>key=value</c> pairs as namespaced keys (<c>team</c> and <c>orders-pipeline:team</c> alike); a
    /// repeated key: the last one wins.</summary>
    public static Dictionary<string, StackConfigValue> Parse(IEnumerable<string> pairs)
    {
        var config = new Dictionary<string, StackConfigValue>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var pair in pairs)
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var key = separator > 0 ? pair[..separator].Trim() : "";
            var value = pair[(separator + 1)..];
            if (key.Length == 0)
            {
                problems.Add($"--config '{pair}' is not of the form key=value (for example --config team=backend).");
            }
            else if (!ConfigSchema.IsKnown(key))
            {
                problems.Add($"--config '{key}' is not a key of the {ConfigSchema.Namespace} program: "
                             + ConfigSchema.ValidateValue(key, value));
            }
            else if (ConfigSchema.ValidateValue(key, value) is { } problem)
            {
                problems.Add(problem);
            }
            else
            {
                config[ConfigSchema.FullName(ConfigSchema.ShortName(key))] =
                    new StackConfigValue(value, IsSecret: false);
            }
        }

        return problems.Count == 0 ? config : throw new DeployerException(
            ExitCodes.UsageOrConfig,
            problems.Count == 1 ? problems[0] : $"{problems.Count} --config problems:{List(problems)}")
        {
            Problems = problems,
        };
    }

    /// <summary>Throws listing every invalid stored value of the program's namespace (secrets not echoed), skipping
    /// keys this run overrides; returns warnings for keys the program does not know.</summary>
    public static IReadOnlyList<string> ValidateStored(
        string stackName, IReadOnlyDictionary<string, StackConfigValue> stored, IEnumerable<string> overridden)
    {
        var skipped = overridden.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var warnings = new List<string>();
        foreach (var (key, value) in stored.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!key.StartsWith(ConfigSchema.Namespace + ":", StringComparison.Ordinal) || skipped.Contains(key))
            {
                continue;
            }

            if (!ConfigSchema.IsKnown(key))
            {
                warnings.Add($"Stack '{stackName}' sets '{key}', which the program does not read.");
            }
            else if (ConfigSchema.ValidateValue(key, value.Value) is { } problem)
            {
                problems.Add(value.IsSecret && value.Value.Length > 0
                    ? problem.Replace(value.Value, CommandContext.SecretPlaceholder, StringComparison.Ordinal)
                    : problem);
            }
        }

        if (problems.Count > 0)
        {
            throw new DeployerException(
                ExitCodes.UsageOrConfig,
                $"Stack '{stackName}' has invalid config ({StackFile.NameFor(stackName)}):{List(problems)}")
            {
                Problems = problems,
            };
        }

        return warnings;
    }

    /// <summary>The problems as a list, one <c>- problem</c> line each, after a line break.</summary>
    internal static string List(IEnumerable<string> problems) =>
        string.Concat(problems.Select(problem => $"{Environment.NewLine}- {problem}"));
}
