using System.Globalization;

namespace OrdersPipeline.Functions.Configuration;

/// <summary>Reads and validates environment variables, naming the variable in every error.</summary>
internal sealed class EnvironmentReader(Func<string, string?> lookup)
{
    public static EnvironmentReader Process { get; } = new(Environment.GetEnvironmentVariable);

    public string Required(string name)
    {
        var value = lookup(name);
        if (string.IsNullOrWhiteSpace(value))
            throw new ConfigurationException($"Environment variable {name} is required but is not set.");
        return value.Trim();
    }

    public string Optional(string name, string defaultValue)
    {
        var value = lookup(name);
        return string.IsNullOrWhiteSpace(value) ? defaultValue : value.Trim();
    }

    public int Integer(string name, int defaultValue, int min, int max)
    {
        var raw = lookup(name);
        if (string.IsNullOrWhiteSpace(raw)) return defaultValue;
        if (!int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ||
            value < min || value > max)
            throw new ConfigurationException(
                $"Environment variable {name} is '{raw}'; it must be a whole number from {min} to {max}.");
        return value;
    }
}
