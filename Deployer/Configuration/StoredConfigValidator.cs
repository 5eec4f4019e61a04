using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Configuration;

/// <summary>Checks the values already stored in <c>Pulumi.&lt;stack&gt;.yaml</c> before anything is built or run, so a
/// bad stored value is a config error (exit 2) rather than a failed deployment.</summary>
public static class StoredConfigValidator
{
    private const string SecretPlaceholder = "[secret]";

    /// <summary>Throws a <see cref="FailureKind.Configuration"/> failure listing every invalid value. Keys being
    /// overridden on this run are skipped (their new value was already checked). Returns warnings for keys of the
    /// program's namespace that the program does not know.</summary>
    public static IReadOnlyList<string> Validate(
        string stackName,
        IReadOnlyDictionary<string, StackConfigValue> stored,
        IReadOnlyCollection<ConfigSetting> overrides)
    {
        var overridden = overrides.Select(setting => setting.Key).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var warnings = new List<string>();
        var prefix = ConfigSchema.Namespace + ":";

        foreach (var (key, value) in stored.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || overridden.Contains(key))
            {
                continue;
            }

            if (!ConfigSchema.IsKnown(key))
            {
                warnings.Add($"Stack '{stackName}' sets '{key}', which the program does not read.");
                continue;
            }

            if (ConfigSchema.ValidateValue(key, value.Value) is { } problem)
            {
                problems.Add(value.IsSecret && value.Value.Length > 0
                    ? problem.Replace(value.Value, SecretPlaceholder, StringComparison.Ordinal)
                    : problem);
            }
        }

        if (problems.Count > 0)
        {
            throw new DeployerException(
                FailureKind.Configuration,
                $"Stack '{stackName}' has invalid config (Pulumi.{stackName}.yaml):{Environment.NewLine}- "
                + string.Join(Environment.NewLine + "- ", problems));
        }

        return warnings;
    }
}
