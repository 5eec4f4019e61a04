namespace OrdersPipeline.Infra.Definitions;

/// <summary>Reads raw config values through <see cref="ConfigSchema"/>, collecting every problem instead
/// of stopping at the first. An invalid value reads as its default; <see cref="ThrowIfInvalid"/> then reports it.</summary>
internal sealed class SettingsReader(Func<string, string?> readKey)
{
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _invalidKeys = new(StringComparer.Ordinal);

    public string Text(string key, string defaultValue, string? defaultSource = null)
    {
        var raw = Read(key);
        var value = raw ?? defaultValue;
        var problem = ConfigSchema.ValidateValue(key, value);
        if (problem is not null)
        {
            Fail(key, raw is null && defaultSource is not null
                ? $"{problem} (the value comes from {defaultSource}; set the key to override it)"
                : problem);
        }

        return value;
    }

    public string RequiredText(string key)
    {
        var raw = Read(key);
        if (raw is null)
        {
            Fail(key, $"Config '{ConfigSchema.FullName(key)}' is required but not set: "
                      + $"run `pulumi config set {ConfigSchema.FullName(key)} <value>`.");
            return string.Empty;
        }

        return Validated(key, raw) ? raw : string.Empty;
    }

    public string? OptionalText(string key)
    {
        var raw = Read(key);
        return raw is not null && Validated(key, raw) ? raw : null;
    }

    public int Int(string key, int defaultValue)
    {
        var raw = Read(key);
        return raw is not null && Validated(key, raw) && ValueRules.TryParseInt(raw, out var number)
            ? number
            : defaultValue;
    }

    public bool Bool(string key, bool defaultValue)
    {
        var raw = Read(key);
        return raw is not null && Validated(key, raw) && ValueRules.TryParseBool(raw, out var flag)
            ? flag
            : defaultValue;
    }

    public LambdaArchitecture Architecture(string key, LambdaArchitecture defaultValue)
    {
        var raw = Read(key);
        return raw is not null && Validated(key, raw) && LambdaArchitectureNames.TryParse(raw, out var architecture)
            ? architecture
            : defaultValue;
    }

    public bool AllValid(params string[] keys) => !keys.Any(_invalidKeys.Contains);

    public void AddProblems(IEnumerable<string> problems) => _problems.AddRange(problems);

    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new ConfigValidationException(_problems.ToArray());
        }
    }

    // Pulumi stores unset keys as absent; an empty string is treated the same so `config set key ""` clears it.
    private string? Read(string key)
    {
        var raw = readKey(key);
        return string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
    }

    private bool Validated(string key, string value)
    {
        var problem = ConfigSchema.ValidateValue(key, value);
        if (problem is null)
        {
            return true;
        }

        Fail(key, problem);
        return false;
    }

    private void Fail(string key, string problem)
    {
        _invalidKeys.Add(key);
        _problems.Add(problem);
    }
}
