using OrdersPipeline.Infra.Components;
using OrdersPipeline.Infra.Definitions;
using Pulumi.Aws.Sqs;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What an SQS queue looks like here: SSE with the SQS-managed key, 14 days' retention, TLS only.</summary>
internal static class QueueDefaults
{
    public const int MessageRetentionSeconds = 14 * 24 * 60 * 60;

    public static QueueArgs Secure(string queueName) => new()
    {
        Name = queueName,
        SqsManagedSseEnabled = true,
        MessageRetentionSeconds = MessageRetentionSeconds,
    };

    /// <summary>The queue and the policy that refuses every request to it without TLS.</summary>
    public static Queue Create(PipelineComponent owner, string name, QueueArgs args)
    {
        var queue = new Queue(name, args, owner.ChildOptions());
        _ = new QueuePolicy($"{name}-tls-only-policy", new QueuePolicyArgs
        {
            QueueUrl = queue.Url,
            Policy = queue.Arn.Apply(PolicyDocuments.TlsOnlyQueuePolicy),
        }, owner.ChildOptions());
        return queue;
    }
}
