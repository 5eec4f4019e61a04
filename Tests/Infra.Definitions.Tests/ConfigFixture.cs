namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>A config bag for <see cref="StackConfig.Load"/>: short key names to raw values.</summary>
internal sealed class ConfigFixture
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal)
    {
        [ConfigSchema.Team.Name] = "backend",
    };

    public ConfigFixture With(string key, string value)
    {
        _values[key] = value;
        return this;
    }

    public ConfigFixture Without(string key)
    {
        _values.Remove(key);
        return this;
    }

    public string? Read(string key) => _values.GetValueOrDefault(key);

    public StackConfig Parse(string stackName = "dev") => StackConfig.Load(Read, stackName);

    public ConfigValidationException ParseFails(string stackName = "dev")
    {
        try
        {
            Parse(stackName);
        }
        catch (ConfigValidationException exception)
        {
            return exception;
        }

        throw new InvalidOperationException("Expected the configuration to be rejected.");
    }
}
