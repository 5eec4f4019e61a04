namespace OrdersPipeline.Functions.Metrics;

/// <summary>The GuardDuty remediation function's metrics, one Embedded Metric Format line per finding (each 1 or 0),
/// with the dimensions of <see cref="EmbeddedMetrics"/> (Environment, Function).</summary>
public static class RemediationMetrics
{
    /// <summary>An access-key finding on a stack role stored in the audit table (or found already stored).</summary>
    public const string FindingsRecorded = "FindingsRecorded";

    /// <summary>The processed bucket's public access block was turned back on.</summary>
    public const string FindingsRemediated = "FindingsRemediated";

    /// <summary>A finding on the processed bucket whose public access block was already fully on.</summary>
    public const string FindingsAlreadyRestricted = "FindingsAlreadyRestricted";

    /// <summary>A finding about something other than this stack's roles and processed bucket.</summary>
    public const string FindingsIgnored = "FindingsIgnored";

    /// <summary>The invocation failed (an SDK call, or input that is not a GuardDuty finding).</summary>
    public const string FindingsFailed = "FindingsFailed";
}
