using NUnit.Framework;
using System.Text.Json;

namespace OrdersPipeline.Infra.Tests.Ingest;

/// <summary>Helpers for the ingest components' mocked-resource tests.</summary>
internal static class IngestRun
{
    public const string HttpFunction = "dev-http-ingest-lambda-backend";
    public const string FileFunction = "dev-file-ingest-lambda-backend";
    public const string OrdersTable = "dev-orders-table-backend";
    public const string DropBucket = "dev-order-drop-123456789012-backend";
    public const string IngestLog = "dev-ingest-log-backend";
    public const string DeadLetterQueue = "dev-orders-dlq-backend";

    /// <summary>Each statement of a role policy as (Sid, actions, resources), in order.</summary>
    public static IReadOnlyList<(string Sid, string Actions, string Resources)> Grants(RegisteredResource policy)
    {
        using var document = JsonDocument.Parse(policy.String("policy"));
        return document.RootElement.GetProperty("Statement").EnumerateArray()
            .Select(statement =>
            {
                Assert.That(statement.GetProperty("Effect").GetString(), Is.EqualTo("Allow"));
                return (statement.GetProperty("Sid").GetString()!, Join(statement.GetProperty("Action")),
                    Join(statement.GetProperty("Resource")));
            })
            .ToArray();

        static string Join(JsonElement element) => element.ValueKind == JsonValueKind.Array
            ? string.Join(",", element.EnumerateArray().Select(item => item.GetString()))
            : element.GetString()!;
    }

    public static IReadOnlyDictionary<string, object?> Env(RegisteredResource function) =>
        RegisteredResource.AsObject(function.Object("environment")["variables"]);
}
