namespace OrdersPipeline.Functions.Configuration;

/// <summary>The audit function's configuration (environment variables, validated at cold start).</summary>
public sealed record AuditSettings
{
    public required string AuditTableName { get; init; }

    public static AuditSettings FromEnvironment() => From(EnvironmentReader.Process);

    public static AuditSettings FromEnvironment(Func<string, string?> lookup) => From(new EnvironmentReader(lookup));

    private static AuditSettings From(EnvironmentReader env) =>
        new() { AuditTableName = env.Required("AUDIT_TABLE_NAME") };
}
