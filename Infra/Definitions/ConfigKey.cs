using System.Globalization;
using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>One key of the <c>orders-pipeline</c> config namespace: its name, what it does, its default and the
/// values it allows. Declared once in <see cref="ConfigSchema"/>; read with <see cref="StackConfig.Get{T}"/>.</summary>
public abstract class ConfigKey(string name, string description, string defaultText, ValueRule rule)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>The default in words, for the table in docs/config.md ("100", "none", "the stack name",
    /// "required").</summary>
    public string DefaultText { get; } = defaultText;

    /// <summary>The allowed values in words, as error messages state them. Every rule refuses the empty string, so
    /// asking it about one yields its own wording.</summary>
    public string Allowed { get; } = rule(string.Empty) ?? "any value";

    /// <summary>A stack must set it: there is no default.</summary>
    public bool IsRequired { get; init; }

    /// <summary>Null when <paramref name="raw"/> is allowed, else the allowed values in words.</summary>
    public string? Check(string raw) => rule(raw);

    internal abstract object? Read(string? raw, string stackName);
}

/// <summary>A typed key. <paramref name="parse"/> runs only on values the rule accepted; <paramref name="fallback"/>
/// gives the value of an unset key from the stack name (most keys ignore it).</summary>
public sealed class ConfigKey<T>(
    string name, string description, string defaultText, ValueRule rule, Func<string, T> parse,
    Func<string, T> fallback) : ConfigKey(name, description, defaultText, rule)
{
    internal override object? Read(string? raw, string stackName) => raw is null ? fallback(stackName) : parse(raw);
}

/// <summary>The kinds of key the schema is declared with.</summary>
public static class Key
{
    public static ConfigKey<int> Int(string name, int defaultValue, int min, int max, string description) =>
        new(name, description, Text(defaultValue), ValueRules.IntRange(min, max), ParseInt, _ => defaultValue);

    /// <summary>An integer that is either <paramref name="sentinel"/> or inside the range.</summary>
    /// <summary>An integer the stack passes to a function's environment: the same default and range the function
    /// itself accepts, taken from the Functions side so the two cannot disagree.</summary>
    public static ConfigKey<int> Int(string name, IntVariable variable, string description) =>
        Int(name, variable.Default, variable.Min, variable.Max, $"{description} ({variable.Name})");

    public static ConfigKey<int> IntOrSentinel(
        string name, int defaultValue, int sentinel, int min, int max, string description) =>
        new(name, description, Text(defaultValue), ValueRules.IntRangeOrSentinel(sentinel, min, max), ParseInt,
            _ => defaultValue);

    public static ConfigKey<int> IntOneOf(string name, int defaultValue, IReadOnlyList<int> allowed, string description) =>
        new(name, description, Text(defaultValue), ValueRules.IntOneOf(allowed), ParseInt, _ => defaultValue);

    public static ConfigKey<bool> Flag(string name, bool defaultValue, string description) =>
        new(name, description, defaultValue ? "true" : "false", ValueRules.Boolean, raw => bool.Parse(raw),
            _ => defaultValue);

    public static ConfigKey<string> Text(string name, string defaultValue, ValueRule rule, string description) =>
        new(name, description, $"`{defaultValue}`", rule, raw => raw, _ => defaultValue);

    public static ConfigKey<string?> Optional(string name, ValueRule rule, string description) =>
        new(name, description, "none", rule, raw => raw, _ => null);

    /// <summary>A key with no default: <see cref="StackConfig.Load"/> refuses a stack that does not set it.</summary>
    public static ConfigKey<string> Required(string name, ValueRule rule, string description) =>
        new(name, description, "required", rule, raw => raw, _ => string.Empty) { IsRequired = true };

    /// <summary>A text key whose default is the stack's own name.</summary>
    public static ConfigKey<string> StackNamed(string name, ValueRule rule, string description) =>
        new(name, description, "the stack name", rule, raw => raw, stackName => stackName);

    public static ConfigKey<T> Choice<T>(
        string name, T defaultValue, IReadOnlyDictionary<string, T> choices, string description) =>
        new(name, description, $"`{ChoiceNames.NameOf(choices, defaultValue)}`",
            ValueRules.OneOf([.. choices.Keys]), raw => choices[raw], _ => defaultValue);

    private static int ParseInt(string raw) => int.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The reverse of a choice key's table (<see cref="Key.Choice{T}"/>): the config name of a value.</summary>
public static class ChoiceNames
{
    public static string NameOf<T>(IReadOnlyDictionary<string, T> choices, T value) =>
        choices.Single(choice => EqualityComparer<T>.Default.Equals(choice.Value, value)).Key;
}
