using System.Globalization;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>SQS settings derived from other settings.</summary>
public static class QueueRules
{
    private const int Day = 24 * 60 * 60;

    /// <summary>SQS keeps a message at most 14 days.</summary>
    public const int MaxRetentionSeconds = 14 * Day;

    /// <summary>The redrive queue (where the dead-letter queue moves messages the audit function could not store)
    /// keeps them as long as SQS allows.</summary>
    public const int RedriveRetentionSeconds = MaxRetentionSeconds;

    /// <summary>The dead-letter queue keeps its messages 4 days, less than the redrive queue it moves them to: SQS
    /// keeps a message's original enqueue time when it moves it to a dead-letter queue, so a message moved on its
    /// last day in the source would expire there almost at once. AWS's guidance: a dead-letter queue's retention is
    /// longer than its source's. With these two, a moved message has at least 10 days in the redrive queue; the
    /// audit function normally empties the dead-letter queue within seconds (docs/runbook.md).</summary>
    public const int DeadLetterRetentionSeconds = 4 * Day;

    /// <summary>Lambda's guidance for an SQS source: visibility timeout at least 6x the function timeout.</summary>
    public static int VisibilityTimeoutFor(int auditTimeoutSeconds) =>
        auditTimeoutSeconds * PipelineDefaults.VisibilityTimeoutMultiplier;

    /// <summary>Problems with an audit timeout whose derived visibility timeout SQS would refuse.</summary>
    public static IReadOnlyList<string> ValidateAuditTimeout(int auditTimeoutSeconds)
    {
        var visibility = VisibilityTimeoutFor(auditTimeoutSeconds);
        if (visibility <= PipelineDefaults.MaxVisibilityTimeoutSeconds)
        {
            return [];
        }

        var maxTimeout = PipelineDefaults.MaxVisibilityTimeoutSeconds / PipelineDefaults.VisibilityTimeoutMultiplier;
        return
        [
            ConfigSchema.Problem(
                ConfigSchema.AuditTimeoutSeconds.Name,
                auditTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
                $"at most {maxTimeout}, because the dead-letter queue's visibility timeout "
                + $"({PipelineDefaults.VisibilityTimeoutMultiplier}x, here {visibility} s) may not exceed "
                + $"{PipelineDefaults.MaxVisibilityTimeoutSeconds} s"),
        ];
    }

    /// <summary>The dead-letter queue's redrive policy: after <paramref name="maxReceiveCount"/> receives a message
    /// moves to <paramref name="redriveQueueArn"/>.</summary>
    public static string RedrivePolicy(
        string redriveQueueArn, int maxReceiveCount = PipelineDefaults.DeadLetterMaxReceiveCount) =>
        new JsonObject
        {
            ["deadLetterTargetArn"] = redriveQueueArn,
            ["maxReceiveCount"] = maxReceiveCount,
        }.ToJsonString();
}
