using System.Text.Json;
using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Serialization;

namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>EventBridge events around a GuardDuty finding (Fixtures/guardduty-*.json) read into the core's
/// <see cref="FindingEvent"/>, as the Lambda layer maps the package's <c>CloudWatchEvent</c>: the finding in
/// <c>detail</c> through <see cref="CoreJsonContext"/>, a missing field null (the time its default).</summary>
internal static class FindingFixtures
{
    public static FindingEvent Event(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new FindingEvent(
            Text(root, "id"),
            Text(root, "source"),
            Text(root, "detail-type"),
            Text(root, "account"),
            Text(root, "region"),
            root.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.String ? time.GetDateTime() : default,
            root.TryGetProperty("detail", out var detail) && detail.ValueKind != JsonValueKind.Null
                ? detail.Deserialize(CoreJsonContext.Default.GuardDutyFinding)
                : null);
    }

    /// <summary>A sample of Fixtures/ (see Remediation/Samples.cs) as EventBridge delivers it.</summary>
    public static FindingEvent Sample(string name) => Event(Fixtures.Text(name));

    /// <summary>A finding from the detail JSON given, as it arrives inside a GuardDuty finding event.</summary>
    public static GuardDutyFinding Finding(string detailJson) =>
        Event($$"""{"version":"0","detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{{detailJson}}}""")
            .Detail!;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
