using OrdersPipeline.Infra.Definitions;
using Pulumi.Aws.CloudWatch;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What a log group looks like here: the stack's retention (never "keep forever" unless asked).</summary>
internal static class LogGroupDefaults
{
    public static LogGroupArgs For(string logGroupName, StackConfig config) => new()
    {
        Name = logGroupName,
        RetentionInDays = config.Get(ConfigSchema.LogRetentionDays),
    };
}
