using System.Text.Json;
using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class IamTests
{
    private const string OrdersTable = "dev-orders-table-backend";
    private const string Bucket = "dev-processed-data-123456789012-backend";
    private const string DeadLetterQueue = "dev-orders-dlq-backend";
    private const string AuditTable = "dev-audit-table-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().RunAsync();

    private static IReadOnlyList<(string Actions, string Resources)> Grants(RegisteredResource policy)
    {
        using var document = JsonDocument.Parse(policy.String("policy"));
        return document.RootElement.GetProperty("Statement").EnumerateArray()
            .Select(statement =>
            {
                Assert.That(statement.GetProperty("Effect").GetString(), Is.EqualTo("Allow"));
                return (Join(statement.GetProperty("Action")), Join(statement.GetProperty("Resource")));
            })
            .ToArray();

        static string Join(JsonElement element) => element.ValueKind == JsonValueKind.Array
            ? string.Join(",", element.EnumerateArray().Select(item => item.GetString()))
            : element.GetString()!;
    }

    [Test]
    public void Processor_policy_has_exactly_the_intended_actions_on_exactly_the_intended_arns()
    {
        var policy = _run.Single(ResourceTypes.RolePolicy, "dev-order-processor-policy-backend");

        Assert.That(policy.String("role"), Is.EqualTo("dev-order-processor-role-backend"));
        Assert.That(Grants(policy), Is.EqualTo(new[]
        {
            ("dynamodb:DescribeStream,dynamodb:GetRecords,dynamodb:GetShardIterator,dynamodb:ListStreams",
                MockAws.StreamArn(OrdersTable)),
            ("s3:PutObject", MockAws.BucketArn(Bucket) + "/processed-data/*"),
            ("s3:GetObject", MockAws.BucketArn(Bucket) + "/processed-data/*"),
            ("sqs:SendMessage", MockAws.QueueArn(DeadLetterQueue)),
            ("logs:CreateLogStream,logs:PutLogEvents",
                MockAws.LogGroupArn("/aws/lambda/dev-order-processor-lambda-backend") + ":*"),
        }));
    }

    [Test]
    public void Audit_policy_has_exactly_the_intended_actions_on_exactly_the_intended_arns()
    {
        var policy = _run.Single(ResourceTypes.RolePolicy, "dev-audit-policy-backend");

        Assert.That(policy.String("role"), Is.EqualTo("dev-audit-role-backend"));
        Assert.That(Grants(policy), Is.EqualTo(new[]
        {
            ("dynamodb:PutItem", MockAws.TableArn(AuditTable)),
            ("sqs:ReceiveMessage,sqs:DeleteMessage,sqs:GetQueueAttributes", MockAws.QueueArn(DeadLetterQueue)),
            ("logs:CreateLogStream,logs:PutLogEvents", MockAws.LogGroupArn("/aws/lambda/dev-audit-lambda-backend") + ":*"),
        }));
    }

    [Test]
    public void No_role_policy_has_a_wildcard_action_or_resource()
    {
        var grants = _run.OfType(ResourceTypes.RolePolicy).SelectMany(Grants).ToArray();

        Assert.That(grants, Has.Length.EqualTo(7));
        Assert.That(grants.SelectMany(g => g.Actions.Split(',')), Has.None.Contain("*"));
        Assert.That(grants.SelectMany(g => g.Resources.Split(',')), Has.None.EqualTo("*"));
    }

    [Test]
    public void Both_roles_are_assumable_by_lambda_only()
    {
        foreach (var role in _run.OfType(ResourceTypes.Role))
        {
            using var trust = JsonDocument.Parse(role.String("assumeRolePolicy"));
            var statement = trust.RootElement.GetProperty("Statement").EnumerateArray().Single();
            Assert.That(statement.GetProperty("Principal").GetProperty("Service").GetString(), Is.EqualTo("lambda.amazonaws.com"));
            Assert.That(statement.GetProperty("Action").GetString(), Is.EqualTo("sts:AssumeRole"));
        }

        Assert.That(_run.OfType(ResourceTypes.Role).Select(role => role.String("name")),
            Is.EquivalentTo(new[] { "dev-order-processor-role-backend", "dev-audit-role-backend" }));
    }

    [Test]
    public void Every_traced_function_role_gets_the_xray_write_policy_and_nothing_else_managed()
    {
        var attachments = _run.OfType(ResourceTypes.RolePolicyAttachment).ToArray();

        Assert.That(attachments.Select(attachment => attachment.String("role")),
            Is.EquivalentTo(new[] { "dev-order-processor-role-backend", "dev-audit-role-backend" }));
        Assert.That(attachments.Select(attachment => attachment.String("policyArn")),
            Has.All.EqualTo("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"));
    }
}
