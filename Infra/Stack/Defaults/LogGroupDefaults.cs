using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.CloudWatch;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What a log group looks like here: the stack's retention (never "keep forever" unless asked), encrypted
/// with the stack key when there is one (the key policy names every log group of the stack,
/// <see cref="StackParts.LogGroups"/>). The key is a required argument (null only with
/// <c>encryption: aws-managed</c>), so no log group is made without deciding it.</summary>
internal static class LogGroupDefaults
{
    public static LogGroupArgs For(string logGroupName, StackConfig config, Output<string>? keyArn) => new()
    {
        Name = logGroupName,
        RetentionInDays = config.Get(ConfigSchema.LogRetentionDays),
        KmsKeyId = keyArn.OrNone(),
    };
}
