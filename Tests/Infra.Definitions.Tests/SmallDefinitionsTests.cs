using System.Text.Json;
using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class LogRetentionTests
{
    [Test]
    public void Allowed_values_are_exactly_what_CloudWatch_Logs_accepts()
    {
        Assert.That(LogRetention.AllowedDays, Is.EqualTo(new[]
        {
            0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
        }));
    }

    [TestCase(14, ExpectedResult = true)]
    [TestCase(0, ExpectedResult = true)]
    [TestCase(2, ExpectedResult = false)]
    [TestCase(3650, ExpectedResult = false)]
    public bool IsAllowed(int days) => LogRetention.IsAllowed(days);
}

[TestFixture]
public sealed class QueueRulesTests
{
    [TestCase(1, 6)]
    [TestCase(30, 180)]
    [TestCase(900, 5400)]
    public void Visibility_timeout_is_six_times_the_audit_timeout(int timeout, int expected) =>
        Assert.That(QueueRules.VisibilityTimeoutFor(timeout), Is.EqualTo(expected));

    [Test]
    public void An_audit_timeout_whose_visibility_timeout_passes_12_hours_is_refused()
    {
        Assert.That(QueueRules.ValidateAuditTimeout(7200), Is.Empty);

        var problems = QueueRules.ValidateAuditTimeout(7201);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.Contain("'orders-pipeline:auditTimeoutSeconds'").And.Contain("'7201'")
            .And.Contain("at most 7200").And.Contain("43200"));
    }

    // SQS keeps a message's first enqueue time when it moves it: the queue it moves to must keep messages longer.
    [Test]
    public void The_dead_letter_queue_keeps_messages_shorter_than_the_redrive_queue_it_moves_them_to()
    {
        Assert.That(QueueRules.DeadLetterRetentionSeconds, Is.LessThan(QueueRules.RedriveRetentionSeconds));
        Assert.That(QueueRules.RedriveRetentionSeconds, Is.LessThanOrEqualTo(QueueRules.MaxRetentionSeconds));
        Assert.That(QueueRules.DeadLetterRetentionSeconds, Is.EqualTo(4 * 86_400));
        // A message moved on its last day in the dead-letter queue still has 10 days in the redrive queue.
        Assert.That(QueueRules.RedriveRetentionSeconds - QueueRules.DeadLetterRetentionSeconds,
            Is.EqualTo(10 * 86_400));
    }

    [Test]
    public void Redrive_policy_targets_the_redrive_queue_after_five_receives()
    {
        using var policy = JsonDocument.Parse(QueueRules.RedrivePolicy("arn:aws:sqs:us-east-1:123456789012:redrive"));

        Assert.That(policy.RootElement.GetProperty("deadLetterTargetArn").GetString(),
            Is.EqualTo("arn:aws:sqs:us-east-1:123456789012:redrive"));
        Assert.That(policy.RootElement.GetProperty("maxReceiveCount").GetInt32(), Is.EqualTo(5));
    }
}

[TestFixture]
public sealed class StreamFiltersTests
{
    [Test]
    public void Filter_keeps_insert_and_modify_only()
    {
        Assert.That(StreamFilters.InsertAndModifyPattern(), Is.EqualTo("""{"eventName":["INSERT","MODIFY"]}"""));
    }
}

[TestFixture]
public sealed class FunctionEnvironmentTests
{
    [Test]
    public void Processor_gets_key_attribute_prefix_concurrency_and_conditional_writes()
    {
        Assert.That(FunctionEnvironment.Processor(16, conditionalWrites: true), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["KEY_ATTRIBUTE"] = "orderId",
            ["KEY_PREFIX"] = "processed-data",
            ["MAX_CONCURRENCY"] = "16",
            ["CONDITIONAL_WRITES"] = "true",
        }));
        Assert.That(FunctionEnvironment.Processor(1, conditionalWrites: false)["CONDITIONAL_WRITES"], Is.EqualTo("false"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void The_processor_reads_the_switch_the_stack_sets(bool conditionalWrites)
    {
        var environment = FunctionEnvironment.Processor(16, conditionalWrites);
        var settings = OrdersPipeline.Functions.Configuration.ProcessorSettings.FromEnvironment(
            name => name == "BUCKET_NAME" ? "bucket" : environment.GetValueOrDefault(name));

        Assert.That(settings.ConditionalWrites, Is.EqualTo(conditionalWrites));
    }

    [Test]
    public void The_s3_key_prefix_and_the_policy_object_prefix_agree()
    {
        var policy = PolicyDocuments.ProcessorStatements("stream", "bucket", "queue", "logs", conditionalWrites: true);
        var prefix = FunctionEnvironment.Processor(1, conditionalWrites: true)["KEY_PREFIX"];

        Assert.That(policy.Single(s => s.Actions.Contains("s3:PutObject")).Resources.Single(),
            Is.EqualTo($"bucket/{prefix}/*"));
        Assert.That(policy.Single(s => s.Actions.Contains("s3:GetObject")).Resources.Single(),
            Is.EqualTo($"bucket/{prefix}/*"));
    }
}

[TestFixture]
public sealed class EmulatorSettingsTests
{
    [Test]
    public void Every_service_the_stack_uses_is_redirected()
    {
        Assert.That(EmulatorSettings.Services, Is.EquivalentTo(new[]
        {
            "apigateway", "cloudtrail", "cloudwatch", "dynamodb", "iam", "kms", "lambda", "logs", "s3", "secretsmanager",
            "sns", "sqs", "sts",
        }));
    }

    [Test]
    public void Url_has_no_trailing_slash()
    {
        var emulator = new EmulatorSettings(new Uri("http://127.0.0.1:5000/"), "test", "test");

        Assert.That(emulator.Url, Is.EqualTo("http://127.0.0.1:5000"));
    }
}

[TestFixture]
public sealed class LambdaArchitectureTests
{
    [TestCase(LambdaArchitecture.Arm64, "arm64")]
    [TestCase(LambdaArchitecture.X86_64, "x86_64")]
    public void Aws_names_round_trip(LambdaArchitecture architecture, string name)
    {
        Assert.That(architecture.ToAwsName(), Is.EqualTo(name));
        Assert.That(LambdaArchitectureNames.ByName[name], Is.EqualTo(architecture));
    }
}

[TestFixture]
public sealed class MetricNamespaceRuleTests
{
    [TestCase("OrdersPipeline")]
    [TestCase("Shop/Orders-Pipeline_2")]
    public void Own_namespaces_are_accepted(string value) =>
        Assert.That(ValueRules.MetricNamespace(value), Is.Null);

    [TestCase("AWS/Lambda")]
    [TestCase("")]
    [TestCase("orders*")]
    public void Reserved_empty_or_odd_namespaces_are_refused(string value) =>
        Assert.That(ValueRules.MetricNamespace(value), Does.Contain("not starting with AWS/"));
}
