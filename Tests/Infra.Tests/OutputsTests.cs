using NUnit.Framework;
using Pulumi;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class OutputsTests
{
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().RunAsync();

    private static Task<T> Value<T>(Output<T> output) => OutputUtilities.GetValueAsync(output);

    [Test]
    public async Task Table_and_stream_outputs()
    {
        var stack = _run.Stack;

        Assert.That(await Value(stack.OrdersTableName), Is.EqualTo("dev-orders-table-backend"));
        Assert.That(await Value(stack.OrdersTableArn), Is.EqualTo(MockAws.TableArn("dev-orders-table-backend")));
        Assert.That(await Value(stack.OrdersTableStreamArn), Is.EqualTo(MockAws.StreamArn("dev-orders-table-backend")));
        Assert.That(await Value(stack.AuditTableName), Is.EqualTo("dev-audit-table-backend"));
        Assert.That(await Value(stack.AuditTableArn), Is.EqualTo(MockAws.TableArn("dev-audit-table-backend")));
    }

    [Test]
    public async Task Bucket_outputs()
    {
        Assert.That(await Value(_run.Stack.ProcessedBucketName), Is.EqualTo("dev-processed-data-123456789012-backend"));
        Assert.That(await Value(_run.Stack.ProcessedBucketArn),
            Is.EqualTo(MockAws.BucketArn("dev-processed-data-123456789012-backend")));
    }

    [Test]
    public async Task Function_role_log_group_and_mapping_outputs()
    {
        var stack = _run.Stack;

        Assert.That(await Value(stack.ProcessorFunctionName), Is.EqualTo("dev-order-processor-lambda-backend"));
        Assert.That(await Value(stack.ProcessorFunctionArn), Is.EqualTo(MockAws.FunctionArn("dev-order-processor-lambda-backend")));
        Assert.That(await Value(stack.ProcessorRoleArn), Is.EqualTo(MockAws.RoleArn("dev-order-processor-role-backend")));
        Assert.That(await Value(stack.ProcessorLogGroupName), Is.EqualTo("/aws/lambda/dev-order-processor-lambda-backend"));
        Assert.That(await Value(stack.StreamMappingId), Is.Not.Empty);
        Assert.That(await Value(stack.AuditFunctionName), Is.EqualTo("dev-audit-lambda-backend"));
        Assert.That(await Value(stack.AuditFunctionArn), Is.EqualTo(MockAws.FunctionArn("dev-audit-lambda-backend")));
        Assert.That(await Value(stack.AuditRoleArn), Is.EqualTo(MockAws.RoleArn("dev-audit-role-backend")));
        Assert.That(await Value(stack.AuditLogGroupName), Is.EqualTo("/aws/lambda/dev-audit-lambda-backend"));
    }

    [Test]
    public async Task Queue_outputs()
    {
        var stack = _run.Stack;

        Assert.That(await Value(stack.DeadLetterQueueName), Is.EqualTo("dev-orders-dlq-backend"));
        Assert.That(await Value(stack.DeadLetterQueueUrl), Is.EqualTo(MockAws.QueueUrl("dev-orders-dlq-backend")));
        Assert.That(await Value(stack.DeadLetterQueueArn), Is.EqualTo(MockAws.QueueArn("dev-orders-dlq-backend")));
        Assert.That(await Value(stack.RedriveQueueName), Is.EqualTo("dev-audit-redrive-queue-backend"));
        Assert.That(await Value(stack.RedriveQueueUrl), Is.EqualTo(MockAws.QueueUrl("dev-audit-redrive-queue-backend")));
        Assert.That(await Value(stack.RedriveQueueArn), Is.EqualTo(MockAws.QueueArn("dev-audit-redrive-queue-backend")));
    }

    [Test]
    public async Task Topic_alarm_environment_and_region_outputs()
    {
        var stack = _run.Stack;

        Assert.That(await Value(stack.AlertTopicArn), Is.EqualTo(MockAws.TopicArn("dev-pipeline-alerts-topic-backend")));
        Assert.That(await Value(stack.AlarmNames), Is.EquivalentTo(new[]
        {
            "dev-processor-errors-alarm-backend", "dev-processor-iterator-age-alarm-backend", "dev-dlq-depth-alarm-backend",
            "dev-audit-errors-alarm-backend", "dev-redrive-depth-alarm-backend", "dev-processing-lag-alarm-backend",
        }));
        Assert.That(await Value(stack.Environment), Is.EqualTo("dev"));
        Assert.That(await Value(stack.Region), Is.EqualTo("us-east-1"));
    }
}
