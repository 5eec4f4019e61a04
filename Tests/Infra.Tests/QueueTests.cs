using System.Text.Json;
using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class QueueTests
{
    private const string DeadLetterQueue = "dev-orders-dlq-backend";
    private const string RedriveQueue = "dev-audit-redrive-queue-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().With("auditTimeoutSeconds", "45").RunAsync();

    private RegisteredResource Dlq => _run.Single(ResourceTypes.Queue, DeadLetterQueue);

    [Test]
    public void Dead_letter_visibility_timeout_is_six_times_the_audit_timeout()
    {
        var audit = _run.Single(ResourceTypes.Function, "dev-audit-lambda-backend");

        Assert.That(audit.Number("timeout"), Is.EqualTo(45));
        Assert.That(Dlq.Number("visibilityTimeoutSeconds"), Is.EqualTo(6 * 45));
    }

    [Test]
    public void Both_queues_use_sqs_managed_encryption_and_the_dlq_keeps_messages_shorter_than_the_redrive_queue()
    {
        foreach (var queue in _run.OfType(ResourceTypes.Queue))
        {
            Assert.That(queue.Bool("sqsManagedSseEnabled"), Is.True, queue.Name);
        }

        // SQS keeps a moved message's first enqueue time: the queue it moves to must keep it longer.
        Assert.That(Dlq.Number("messageRetentionSeconds"), Is.EqualTo(4 * 86_400));
        Assert.That(_run.Single(ResourceTypes.Queue, "dev-audit-redrive-queue-backend").Number("messageRetentionSeconds"),
            Is.EqualTo(14 * 86_400));
    }

    [Test]
    public void Dead_letter_queue_redrives_to_the_redrive_queue_after_five_receives()
    {
        using var redrive = JsonDocument.Parse(Dlq.String("redrivePolicy"));

        Assert.That(redrive.RootElement.GetProperty("deadLetterTargetArn").GetString(), Is.EqualTo(MockAws.QueueArn(RedriveQueue)));
        Assert.That(redrive.RootElement.GetProperty("maxReceiveCount").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public void Dead_letter_queue_denies_requests_without_tls()
    {
        var policy = _run.OfType(ResourceTypes.QueuePolicy)
            .Single(p => p.String("queueUrl") == MockAws.QueueUrl(DeadLetterQueue));
        using var document = JsonDocument.Parse(policy.String("policy"));
        var statement = document.RootElement.GetProperty("Statement").EnumerateArray().Single();

        Assert.That(statement.GetProperty("Effect").GetString(), Is.EqualTo("Deny"));
        Assert.That(statement.GetProperty("Resource").EnumerateArray().Single().GetString(), Is.EqualTo(MockAws.QueueArn(DeadLetterQueue)));
        Assert.That(statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString(),
            Is.EqualTo("false"));
    }
}
