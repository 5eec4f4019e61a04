using System.Globalization;

namespace OrdersPipeline.Functions.Configuration;

/// <summary>
/// Reads and validates the variables declared in <see cref="ProcessorEnvironment"/> and
/// <see cref="AuditEnvironment"/>, naming the variable in every error.
/// </summary>
internal sealed class EnvironmentReader(Func<string, string?> lookup)
{
    public static EnvironmentReader Process { get; } = new(Environment.GetEnvironmentVariable);

    public string Read(RequiredVariable variable)
    {
        var value = lookup(variable.Name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException($"Environment variable {variable.Name} is required but is not set.");
        }
        return value.Trim();
    }

    public string Read(TextVariable variable)
    {
        var value = lookup(variable.Name);
        return string.IsNullOrWhiteSpace(value) ? variable.Default : value.Trim();
    }

    public bool Read(BoolVariable variable)
    {
        var raw = lookup(variable.Name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return variable.Default;
        }
        return raw.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new ConfigurationException(
                $"Environment variable {variable.Name} is '{raw}'; it must be true or false."),
        };
    }

    public int Read(IntVariable variable)
    {
        var raw = lookup(variable.Name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return variable.Default;
        }
        if (!int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ||
            value < variable.Min || value > variable.Max)
        {
            throw new ConfigurationException(
                $"Environment variable {variable.Name} is '{raw}'; it must be a whole number from {variable.Min} to {variable.Max}.");
        }
        return value;
    }
}
