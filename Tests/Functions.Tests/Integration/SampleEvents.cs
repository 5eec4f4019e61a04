using System.Text.Json;
using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Serialization;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>What the integration tests take from the AWS-shaped samples in Fixtures/: a DLQ message's body, and a
/// GuardDuty finding event as the Lambda layer hands it to the core.</summary>
internal static class SampleEvents
{
    /// <summary>The body of the first message of an SQS event sample.</summary>
    public static string FirstMessageBody(string sqsEventFixture)
    {
        using var sample = JsonDocument.Parse(Fixtures.Text(sqsEventFixture));
        return sample.RootElement.GetProperty("Records")[0].GetProperty("body").GetString()
            ?? throw new InvalidOperationException($"{sqsEventFixture}: the first message has no body.");
    }

    /// <summary>An EventBridge GuardDuty finding event (JSON) as a <see cref="FindingEvent"/>.</summary>
    public static FindingEvent Finding(string eventJson)
    {
        using var sample = JsonDocument.Parse(eventJson);
        var root = sample.RootElement;
        return new FindingEvent(
            root.GetProperty("id").GetString(),
            root.GetProperty("source").GetString(),
            root.GetProperty("detail-type").GetString(),
            root.GetProperty("account").GetString(),
            root.GetProperty("region").GetString(),
            root.GetProperty("time").GetDateTime(),
            root.GetProperty("detail").Deserialize(CoreJsonContext.Default.GuardDutyFinding));
    }
}
