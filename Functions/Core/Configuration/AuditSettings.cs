namespace OrdersPipeline.Functions.Configuration;

/// <summary>
/// The audit function's configuration, read at cold start through the declarations in <see cref="AuditEnvironment"/>.
/// </summary>
public sealed record AuditSettings
{
    public required string AuditTableName { get; init; }
    public MetricsSettings Metrics { get; init; } = MetricsSettings.Default;

    public static AuditSettings FromEnvironment() => From(EnvironmentReader.Process);

    public static AuditSettings FromEnvironment(Func<string, string?> lookup) => From(new EnvironmentReader(lookup));

    private static AuditSettings From(EnvironmentReader env) =>
        new() { AuditTableName = env.Read(AuditEnvironment.AuditTableName), Metrics = MetricsSettings.From(env) };
}
