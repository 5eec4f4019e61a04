using Pulumi;
using Pulumi.Aws.Sns;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What an SNS topic looks like here: encrypted with the stack key when there is one. Without it the topic
/// is not encrypted: CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key. The key is a required
/// argument (null only with <c>encryption: aws-managed</c>).</summary>
internal static class TopicDefaults
{
    public static TopicArgs Secure(string topicName, Output<string>? keyArn) => new()
    {
        Name = topicName,
        KmsMasterKeyId = keyArn.OrNone(),
    };
}
