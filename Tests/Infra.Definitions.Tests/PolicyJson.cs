using System.Text.Json;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>Reads a policy document back; Action and Resource may be a string or an array.</summary>
internal sealed record PolicyJson(string Version, IReadOnlyList<StatementJson> Statements)
{
    public static PolicyJson Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var statements = root.GetProperty("Statement").EnumerateArray().Select(StatementJson.From).ToArray();
        return new PolicyJson(root.GetProperty("Version").GetString()!, statements);
    }

    public IEnumerable<string> AllActions => Statements.SelectMany(statement => statement.Actions);
}

internal sealed record StatementJson(
    string? Sid, string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, string? Principal,
    string? Condition)
{
    public static StatementJson From(JsonElement element) => new(
        element.TryGetProperty("Sid", out var sid) ? sid.GetString() : null,
        element.GetProperty("Effect").GetString()!,
        Strings(element.GetProperty("Action")),
        element.TryGetProperty("Resource", out var resource) ? Strings(resource) : [],
        element.TryGetProperty("Principal", out var principal) ? principal.GetRawText() : null,
        element.TryGetProperty("Condition", out var condition) ? condition.GetRawText() : null);

    private static string[] Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Select(item => item.GetString()!).ToArray()
            : [element.GetString()!];
}
