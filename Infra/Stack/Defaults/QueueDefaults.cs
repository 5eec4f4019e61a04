using OrdersPipeline.Infra.Components;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.Sqs;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What an SQS queue looks like here: SSE with the SQS-managed key (or the stack key when there is one),
/// TLS only, and the retention its role needs (<see cref="QueueRules"/>: a dead-letter queue keeps messages longer
/// than its source). The key and the retention are required, so no queue is made without deciding them.</summary>
internal static class QueueDefaults
{
    public static QueueArgs Secure(string queueName, Output<string>? keyArn, int retentionSeconds)
    {
        var args = new QueueArgs { Name = queueName, MessageRetentionSeconds = retentionSeconds };
        // SQS refuses both settings together.
        if (keyArn is null)
        {
            args.SqsManagedSseEnabled = true;
        }
        else
        {
            args.KmsMasterKeyId = keyArn;
        }

        return args;
    }

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
