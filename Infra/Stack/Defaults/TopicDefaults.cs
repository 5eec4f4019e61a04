using Pulumi;
using Pulumi.Aws.Sns;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What an SNS topic looks like here: encrypted with the stack key when there is one. Without it the topic
/// is not encrypted: CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key.</summary>
internal static class TopicDefaults
{
    public static TopicArgs Secure(string topicName, Output<string>? keyArn = null) => new()
    {
        Name = topicName,
        KmsMasterKeyId = keyArn.OrNone(),
    };
}
