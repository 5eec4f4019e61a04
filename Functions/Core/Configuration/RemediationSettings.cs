using System.Text.RegularExpressions;

namespace OrdersPipeline.Functions.Configuration;

/// <summary>The GuardDuty remediation function's configuration, read at cold start through
/// <see cref="RemediationEnvironment"/>.</summary>
public sealed partial record RemediationSettings
{
    public required string ProcessedBucketName { get; init; }

    /// <summary>The stack's function roles. IAM role names are unique regardless of case, so they are compared
    /// ignoring case.</summary>
    public required IReadOnlyList<string> StackRoleNames { get; init; }

    public required string AuditTableName { get; init; }

    public MetricsSettings Metrics { get; init; } = MetricsSettings.Default;

    public static RemediationSettings FromEnvironment() => From(EnvironmentReader.Process);

    public static RemediationSettings FromEnvironment(Func<string, string?> lookup) => From(new EnvironmentReader(lookup));

    /// <summary>
    /// The role names of <c>STACK_ROLE_NAMES</c>: comma-separated, blanks around names ignored, at least one. Each must
    /// be an IAM role name (1-64 characters of letters, digits and <c>+=.@_-</c>); a comma is legal in IAM names but is
    /// the separator here, so such a role cannot be listed.
    /// </summary>
    public static IReadOnlyList<string> ParseRoleNames(string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw new ConfigurationException(
                $"Environment variable {RemediationEnvironment.RoleNames.Name} must list at least one role name.");
        }

        foreach (var name in names)
        {
            if (!RoleName().IsMatch(name))
            {
                throw new ConfigurationException(
                    $"Environment variable {RemediationEnvironment.RoleNames.Name} holds '{name}', which is not an IAM " +
                    "role name (1-64 characters of letters, digits and +=.@_-).");
            }
        }

        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static RemediationSettings From(EnvironmentReader env) => new()
    {
        ProcessedBucketName = env.Read(RemediationEnvironment.ProcessedBucketName),
        StackRoleNames = ParseRoleNames(env.Read(RemediationEnvironment.RoleNames)),
        AuditTableName = env.Read(RemediationEnvironment.AuditTableName),
        Metrics = MetricsSettings.From(env),
    };

    [GeneratedRegex("^[A-Za-z0-9+=.@_-]{1,64}$")]
    private static partial Regex RoleName();
}
