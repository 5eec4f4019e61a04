namespace OrdersPipeline.Functions.Configuration;

/// <summary>The processor's configuration (environment variables, validated at cold start).</summary>
public sealed record ProcessorSettings
{
    public const int DefaultMaxConcurrency = 16;
    public const int MaxConcurrencyLimit = 1024;

    public required string BucketName { get; init; }
    public string KeyAttribute { get; init; } = "orderId";
    public string KeyPrefix { get; init; } = "processed-data";
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    public static ProcessorSettings FromEnvironment() => From(EnvironmentReader.Process);

    public static ProcessorSettings FromEnvironment(Func<string, string?> lookup) => From(new EnvironmentReader(lookup));

    private static ProcessorSettings From(EnvironmentReader env)
    {
        var keyAttribute = env.Optional("KEY_ATTRIBUTE", "orderId");
        if (keyAttribute.Length > 255)
            throw new ConfigurationException("Environment variable KEY_ATTRIBUTE must be at most 255 characters.");

        var prefix = env.Optional("KEY_PREFIX", "processed-data").Trim('/');
        if (prefix.Length == 0 || prefix.Length > 512 || prefix.Contains("//", StringComparison.Ordinal))
            throw new ConfigurationException(
                $"Environment variable KEY_PREFIX is '{prefix}'; it must be 1-512 characters with no empty path segment.");

        return new ProcessorSettings
        {
            BucketName = env.Required("BUCKET_NAME"),
            KeyAttribute = keyAttribute,
            KeyPrefix = prefix,
            MaxConcurrency = env.Integer("MAX_CONCURRENCY", DefaultMaxConcurrency, 1, MaxConcurrencyLimit),
        };
    }
}
