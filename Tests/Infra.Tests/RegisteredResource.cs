using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;

namespace OrdersPipeline.Infra.Tests;

/// <summary>One resource as the program registered it. Inputs arrive deserialised: strings, doubles, bools,
/// <see cref="ImmutableArray{T}"/> of objects for lists and <see cref="ImmutableDictionary{TKey,TValue}"/> for objects.</summary>
internal sealed record RegisteredResource(
    string Type, string Name, ImmutableDictionary<string, object> Inputs, string? Provider)
{
    public bool IsAws => Type.StartsWith("aws:", StringComparison.Ordinal);

    public bool Has(string key) => Inputs.ContainsKey(key);

    public string String(string key) => (string)Inputs[key];

    public double Number(string key) => Convert.ToDouble(Inputs[key], System.Globalization.CultureInfo.InvariantCulture);

    public bool Bool(string key) => (bool)Inputs[key];

    public IReadOnlyDictionary<string, object?> Object(string key) => AsObject(Inputs[key]);

    public IReadOnlyList<object?> List(string key) => AsList(Inputs[key]);

    public IReadOnlyList<string> Strings(string key) => List(key).Select(item => (string)item!).ToArray();

    /// <summary>Provider inputs marked <c>json: true</c> (default tags, endpoints, booleans) arrive as JSON text.</summary>
    public JsonElement Json(string key)
    {
        using var document = JsonDocument.Parse(String(key));
        return document.RootElement.Clone();
    }

    public static IReadOnlyDictionary<string, object?> AsObject(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> dictionary => dictionary,
        IDictionary dictionary => dictionary.Keys.Cast<string>().ToDictionary(k => k, k => dictionary[k]),
        _ => throw new InvalidCastException($"Expected an object input, got {value?.GetType().Name ?? "null"}."),
    };

    public static IReadOnlyList<object?> AsList(object? value) => value switch
    {
        IEnumerable<object?> items when value is not string => items.ToArray(),
        _ => throw new InvalidCastException($"Expected a list input, got {value?.GetType().Name ?? "null"}."),
    };
}
