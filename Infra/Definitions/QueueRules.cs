using System.Globalization;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>SQS settings derived from other settings.</summary>
public static class QueueRules
{
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
