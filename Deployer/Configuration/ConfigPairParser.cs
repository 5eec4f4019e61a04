using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Configuration;

/// <summary>Turns <c>--config key=value</c> arguments into validated, namespaced settings. Every problem is collected
/// so one run reports them all.</summary>
public static class ConfigPairParser
{
    public static IReadOnlyList<ConfigSetting> Parse(IEnumerable<string> pairs)
    {
        var settings = new Dictionary<string, ConfigSetting>(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var pair in pairs)
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                problems.Add($"--config '{pair}' is not of the form key=value (for example --config team=backend).");
                continue;
            }

            var key = pair[..separator].Trim();
            var value = pair[(separator + 1)..];
            if (!ConfigSchema.IsKnown(key))
            {
                problems.Add($"--config '{key}' is not a key of the {ConfigSchema.Namespace} program. Known keys: "
                             + string.Join(", ", ConfigSchema.Keys.Select(k => k.Name)) + ".");
                continue;
            }

            if (ConfigSchema.ValidateValue(key, value) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            var fullKey = ConfigSchema.FullName(ConfigSchema.ShortName(key));
            settings[fullKey] = new ConfigSetting(fullKey, value); // a repeated key: the last one wins
        }

        if (problems.Count > 0)
        {
            throw new DeployerException(FailureKind.Configuration, Describe(problems));
        }

        return settings.Values.ToArray();
    }

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? problems[0]
            : $"{problems.Count} --config problems:{Environment.NewLine}- "
              + string.Join(Environment.NewLine + "- ", problems);
}
