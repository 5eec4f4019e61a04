namespace OrdersPipeline.Functions.Configuration;

/// <summary>
/// Where the functions' metrics go, read at cold start through <see cref="MetricsEnvironment"/>. A null
/// <see cref="FunctionName"/> (outside Lambda) falls back to the invocation's
/// <see cref="Invocation.FunctionName"/>.
/// </summary>
public sealed record MetricsSettings
{
    /// <summary>CloudWatch namespaces are 1 to 255 characters.</summary>
    public const int MaxNamespaceLength = 255;

    public static MetricsSettings Default { get; } = new();

    public string Namespace { get; init; } = MetricsEnvironment.Namespace.Default;
    public string Environment { get; init; } = MetricsEnvironment.EnvironmentName.Default;
    public string? FunctionName { get; init; }

    public static MetricsSettings FromEnvironment() => From(EnvironmentReader.Process);

    public static MetricsSettings FromEnvironment(Func<string, string?> lookup) => From(new EnvironmentReader(lookup));

    internal static MetricsSettings From(EnvironmentReader env)
    {
        var metricsNamespace = env.Read(MetricsEnvironment.Namespace);
        if (metricsNamespace.Length > MaxNamespaceLength ||
            metricsNamespace.StartsWith("AWS/", StringComparison.Ordinal))
        {
            throw new ConfigurationException(
                $"Environment variable {MetricsEnvironment.Namespace.Name} is '{metricsNamespace}'; " +
                $"it must be at most {MaxNamespaceLength} characters and must not start with 'AWS/'.");
        }
        return new MetricsSettings
        {
            Namespace = metricsNamespace,
            Environment = env.Read(MetricsEnvironment.EnvironmentName),
            FunctionName = env.Read(new TextVariable(AwsEnvironment.FunctionName, "")) is { Length: > 0 } name
                ? name
                : null,
        };
    }
}
