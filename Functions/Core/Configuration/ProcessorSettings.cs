using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Functions.Configuration;

/// <summary>
/// The processor's configuration, read at cold start through the declarations in <see cref="ProcessorEnvironment"/>
/// (names, defaults and ranges live there only).
/// </summary>
public sealed record ProcessorSettings
{
    public const int MaxKeyAttributeLength = 255;
    public const int MaxKeyPrefixLength = 512;

    public required string BucketName { get; init; }
    public string KeyAttribute { get; init; } = ProcessorEnvironment.KeyAttribute.Default;
    public string KeyPrefix { get; init; } = ProcessorEnvironment.KeyPrefix.Default;
    public int MaxConcurrency { get; init; } = ProcessorEnvironment.MaxConcurrency.Default;
    public MetricsSettings Metrics { get; init; } = MetricsSettings.Default;

    /// <summary>Every PutObject carries a condition, so a late write never replaces a newer change
    /// (<see cref="Processor.S3ProcessedObjectStore"/>).</summary>
    public bool ConditionalWrites { get; init; } = ProcessorEnvironment.ConditionalWrites.Default;

    /// <summary>Masks card numbers in every document unless <c>off</c> (docs/security.md, "Card numbers").</summary>
    public CardNumberGuard CardNumbers { get; init; } = CardNumberGuard.Default;

    public static ProcessorSettings FromEnvironment() => From(EnvironmentReader.Process);

    public static ProcessorSettings FromEnvironment(Func<string, string?> lookup) => From(new EnvironmentReader(lookup));

    private static ProcessorSettings From(EnvironmentReader env)
    {
        var keyAttribute = env.Read(ProcessorEnvironment.KeyAttribute);
        if (keyAttribute.Length > MaxKeyAttributeLength)
        {
            throw new ConfigurationException(
                $"Environment variable {ProcessorEnvironment.KeyAttribute.Name} must be at most {MaxKeyAttributeLength} characters.");
        }

        var prefix = env.Read(ProcessorEnvironment.KeyPrefix).Trim('/');
        if (prefix.Length == 0 || prefix.Length > MaxKeyPrefixLength || prefix.Contains("//", StringComparison.Ordinal))
        {
            throw new ConfigurationException(
                $"Environment variable {ProcessorEnvironment.KeyPrefix.Name} is '{prefix}'; it must be 1-{MaxKeyPrefixLength} " +
                "characters with no empty path segment.");
        }

        return new ProcessorSettings
        {
            BucketName = env.Read(ProcessorEnvironment.BucketName),
            KeyAttribute = keyAttribute,
            KeyPrefix = prefix,
            MaxConcurrency = env.Read(ProcessorEnvironment.MaxConcurrency),
            ConditionalWrites = env.Read(ProcessorEnvironment.ConditionalWrites),
            Metrics = MetricsSettings.From(env),
            CardNumbers = CardNumberGuard.From(env),
        };
    }
}
