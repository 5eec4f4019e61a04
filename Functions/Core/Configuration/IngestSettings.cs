using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Functions.Configuration;

/// <summary>The HTTP ingest function's configuration, read at cold start through
/// <see cref="HttpIngestEnvironment"/>.</summary>
public sealed record HttpIngestSettings
{
    public required string OrdersTableName { get; init; }
    public CardNumberGuard CardNumbers { get; init; } = CardNumberGuard.Default;

    public static HttpIngestSettings FromEnvironment() => From(EnvironmentReader.Process);

    public static HttpIngestSettings FromEnvironment(Func<string, string?> lookup) => From(new EnvironmentReader(lookup));

    private static HttpIngestSettings From(EnvironmentReader env) =>
        new()
        {
            OrdersTableName = env.Read(HttpIngestEnvironment.OrdersTableName),
            CardNumbers = CardNumberGuard.From(env),
        };
}

/// <summary>The file ingest function's configuration, read at cold start through
/// <see cref="FileIngestEnvironment"/>.</summary>
public sealed record FileIngestSettings
{
    public required string OrdersTableName { get; init; }
    public required string IngestLogTableName { get; init; }
    public int MaxObjectMb { get; init; } = FileIngestEnvironment.MaxObjectMb.Default;
    public MetricsSettings Metrics { get; init; } = MetricsSettings.Default;
    public CardNumberGuard CardNumbers { get; init; } = CardNumberGuard.Default;

    public long MaxObjectBytes => MaxObjectMb * 1024L * 1024L;

    public static FileIngestSettings FromEnvironment() => From(EnvironmentReader.Process);

    public static FileIngestSettings FromEnvironment(Func<string, string?> lookup) => From(new EnvironmentReader(lookup));

    private static FileIngestSettings From(EnvironmentReader env) => new()
    {
        OrdersTableName = env.Read(FileIngestEnvironment.OrdersTableName),
        IngestLogTableName = env.Read(FileIngestEnvironment.IngestLogTableName),
        MaxObjectMb = env.Read(FileIngestEnvironment.MaxObjectMb),
        Metrics = MetricsSettings.From(env),
        CardNumbers = CardNumberGuard.From(env),
    };
}
