using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>How GuardDuty findings reach the stack (<c>guardDuty: true</c>): the detector's settings when the stack
/// creates it, and the EventBridge pattern that picks the findings sent to the alert topic and the remediation
/// function.</summary>
public static class GuardDutyFindings
{
    public const string EventSource = "aws.guardduty";
    public const string DetailType = "GuardDuty Finding";

    /// <summary>How often GuardDuty publishes updates to a finding it already reported (new findings are published
    /// within minutes whatever this says). The shortest period, so a recurring attack is seen again within 15
    /// minutes rather than 6 hours; it costs nothing more.</summary>
    public const string FindingPublishingFrequency = "FIFTEEN_MINUTES";

    /// <summary>S3 Protection: GuardDuty also analyses S3 data events (object reads and writes), so exfiltration
    /// from the processed bucket is found, not only changes to its configuration.</summary>
    public const string S3DataEventsFeature = "S3_DATA_EVENTS";

    public const string FeatureEnabled = "ENABLED";

    /// <summary>GuardDuty findings whose severity is at least <paramref name="threshold"/> (EventBridge numeric
    /// matching; GuardDuty severities are 1.0-8.9, 7 and above being high).</summary>
    public static string EventPattern(int threshold)
    {
        if (threshold is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold,
                "A GuardDuty severity threshold is between 1 and 8.");
        }

        return new JsonObject
        {
            ["source"] = new JsonArray(EventSource),
            ["detail-type"] = new JsonArray(DetailType),
            ["detail"] = new JsonObject
            {
                ["severity"] = new JsonArray(new JsonObject { ["numeric"] = new JsonArray(">=", threshold) }),
            },
        }.ToJsonString(Readable);
    }

    // Plain ">=" rather than the default escaper's "\u003E=": the same JSON, as people read it in the console.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
