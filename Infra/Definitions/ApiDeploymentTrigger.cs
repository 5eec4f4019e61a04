using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The HTTP API deployment's redeployment trigger. API Gateway serves a snapshot of the API taken when a
/// deployment is created, so a change to a resource, method, integration, model, validator or gateway response
/// reaches the stage only through a new deployment. As the provider documents for <c>aws_api_gateway_deployment</c>
/// (<c>triggers = { redeployment = sha1(jsonencode([...ids and arguments])) }</c>), the trigger hashes those
/// resources' ids and arguments as the provider reports them, not a description written by hand, so no change can
/// slip past it.</summary>
public static class ApiDeploymentTrigger
{
    /// <summary>The key of the deployment's <c>triggers</c> map.</summary>
    public const string Key = "redeployment";

    /// <summary>One property of one resource, as a JSON line: <c>{"method.httpMethod":"POST"}</c>. Maps are written
    /// with their keys sorted (the provider's maps come in no fixed order), lists in their order.</summary>
    public static string Part(string name, object? value) =>
        new JsonObject { [name] = Canonical(value) }.ToJsonString();

    /// <summary>The trigger value: SHA-256 (hex) of the parts as one JSON array, in the order given (the order the
    /// stack lists the resources in, which is fixed).</summary>
    public static string Hash(IEnumerable<string> parts)
    {
        var array = new JsonArray();
        foreach (var part in parts)
        {
            array.Add(JsonNode.Parse(part));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(array.ToJsonString())));
    }

    private static JsonNode? Canonical(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int or long or double or decimal => JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        IDictionary map => Sorted(map),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(Canonical)]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static JsonObject Sorted(IDictionary map)
    {
        var sorted = new JsonObject();
        foreach (var key in map.Keys.Cast<object>().Select(key => Convert.ToString(key, CultureInfo.InvariantCulture)!)
                     .Order(StringComparer.Ordinal))
        {
            sorted[key] = Canonical(map[key]);
        }

        return sorted;
    }
}
