using System.Text.RegularExpressions;
using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>What <see cref="StackFileCheck.Validate"/> found in a stack file that is valid.</summary>
/// <param name="Warnings">Keys of the program's namespace that it does not read.</param>
/// <param name="Checked">Program keys whose values were checked.</param>
/// <param name="SecureKeys">Program keys set as <c>secure:</c> values: their ciphertext is never read or checked.
/// </param>
internal sealed record StackFileReport(
    string FileName, int Checked, IReadOnlyList<string> SecureKeys, IReadOnlyList<string> Warnings);

/// <summary>Checks a stack file without the engine, with the program's own rules: every key of
/// <see cref="ConfigSchema"/> and the rules across keys (<see cref="StackConfig.Load"/>), over the file's plain values
/// and this run's <c>--config</c> pairs. Every problem names the file, the line and the key.</summary>
internal static partial class StackFileCheck
{
    /// <summary>Writes the warnings to <paramref name="warn"/> (problems or not), then returns the report.</summary>
    /// <exception cref="DeployerException">Any problem (exit 2); <see cref="DeployerException.Problems"/> lists each.
    /// </exception>
    public static StackFileReport Validate(
        StackFile file, string stackName, IReadOnlyDictionary<string, StackConfigValue> overrides, Action<string> warn)
    {
        var problems = new List<string>();
        var warnings = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var secure = new List<string>();
        foreach (var entry in file.Entries)
        {
            if (!entry.Key.StartsWith(ConfigSchema.Namespace + ":", StringComparison.Ordinal))
            {
                continue;
            }

            lines[entry.Key] = entry.Line;
            if (!ConfigSchema.IsKnown(entry.Key))
            {
                warnings.Add($"{file.FileName}:{entry.Line}: '{entry.Key}' is not a key the program reads; it is "
                             + "ignored. Known keys are listed in docs/config.md.");
            }
            else if (entry.Problem is not null)
            {
                problems.Add($"{file.FileName}:{entry.Line}: {entry.Problem}");
            }
            else if (entry.IsSecure)
            {
                secure.Add(entry.Key);
            }
            else
            {
                values[entry.Key] = entry.Value!;
            }
        }

        var checkedInFile = values.Count;
        foreach (var (key, value) in overrides)
        {
            values[key] = value.Value;
        }

        // A secure value is never decrypted here: its key reads as unset, and "required but not set" is not said of it.
        try
        {
            StackConfig.Load(name => values.GetValueOrDefault(ConfigSchema.FullName(name)), stackName);
        }
        catch (ConfigValidationException exception)
        {
            problems.AddRange(exception.Problems
                .Where(problem => !secure.Any(key => problem.StartsWith($"Config '{key}' is required",
                    StringComparison.Ordinal)))
                .Select(problem => Locate(problem, file.FileName, lines, overrides)));
        }

        foreach (var warning in warnings)
        {
            warn(warning);
        }

        if (problems.Count > 0)
        {
            throw new DeployerException(
                ExitCodes.UsageOrConfig,
                $"Stack '{stackName}' has invalid config ({problems.Count} problem{(problems.Count == 1 ? "" : "s")} "
                + $"in {file.FileName}):{StackConfigCheck.List(problems)}")
            {
                Problems = problems,
            };
        }

        return new StackFileReport(file.FileName, checkedInFile, secure, warnings);
    }

    /// <summary>The problem prefixed with where the first key it names was set: <c>--config</c>, the file's line, or
    /// the file itself (a key left unset, a rule across keys without a set key).</summary>
    private static string Locate(
        string problem, string fileName, IReadOnlyDictionary<string, int> lines,
        IReadOnlyDictionary<string, StackConfigValue> overrides)
    {
        foreach (Match match in NamedKey().Matches(problem))
        {
            var key = match.Groups[1].Value;
            if (overrides.ContainsKey(key))
            {
                return $"--config {ConfigSchema.ShortName(key)}: {problem}";
            }

            if (lines.TryGetValue(key, out var line))
            {
                return $"{fileName}:{line}: {problem}";
            }
        }

        return $"{fileName}: {problem}";
    }

    [GeneratedRegex(@"(orders-pipeline:[A-Za-z0-9]+)")]
    private static partial Regex NamedKey();
}
