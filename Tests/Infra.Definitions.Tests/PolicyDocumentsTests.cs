using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class PolicyDocumentsTests
{
    private const string StreamArn =
        "arn:aws:dynamodb:us-east-1:123456789012:table/dev-orders-table-backend/stream/2026-01-01T00:00:00.000";
    private const string BucketArn = "arn:aws:s3:::dev-processed-data-123456789012-backend";
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:dev-orders-dlq-backend";
    private const string LogGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn";
    private const string AuditTableArn = "arn:aws:dynamodb:us-east-1:123456789012:table/dev-audit-table-backend";

    private static PolicyJson Processor(bool conditionalWrites = true) =>
        PolicyJson.Parse(PolicyDocuments.ProcessorPolicy(StreamArn, BucketArn, QueueArn, LogGroupArn, conditionalWrites));

    private static PolicyJson Audit() => PolicyJson.Parse(PolicyDocuments.AuditPolicy(AuditTableArn, QueueArn, LogGroupArn));

    [Test]
    public void Processor_policy_grants_exactly_the_least_privilege_statements()
    {
        var grants = Processor().Statements.Select(s => (s.Effect, string.Join(",", s.Actions), string.Join(",", s.Resources)));

        Assert.That(grants, Is.EqualTo(new[]
        {
            ("Allow", "dynamodb:DescribeStream,dynamodb:GetRecords,dynamodb:GetShardIterator,dynamodb:ListStreams", StreamArn),
            ("Allow", "s3:PutObject", BucketArn + "/processed-data/*"),
            ("Allow", "s3:GetObject", BucketArn + "/processed-data/*"),
            ("Allow", "sqs:SendMessage", QueueArn),
            ("Allow", "logs:CreateLogStream,logs:PutLogEvents", LogGroupArn + ":*"),
        }));
    }

    [Test]
    public void Without_conditional_writes_the_processor_does_not_read_its_objects()
    {
        var actions = Processor(conditionalWrites: false).Statements.SelectMany(s => s.Actions);

        Assert.That(actions, Does.Contain("s3:PutObject").And.Not.Contain("s3:GetObject"));
    }

    [Test]
    public void Audit_policy_grants_exactly_the_least_privilege_statements()
    {
        var grants = Audit().Statements.Select(s => (s.Effect, string.Join(",", s.Actions), string.Join(",", s.Resources)));

        Assert.That(grants, Is.EqualTo(new[]
        {
            ("Allow", "dynamodb:PutItem", AuditTableArn),
            ("Allow", "sqs:ReceiveMessage,sqs:DeleteMessage,sqs:GetQueueAttributes", QueueArn),
            ("Allow", "logs:CreateLogStream,logs:PutLogEvents", LogGroupArn + ":*"),
        }));
    }

    [Test]
    public void Role_policies_use_the_current_policy_language_version()
    {
        Assert.That(Processor().Version, Is.EqualTo("2012-10-17"));
        Assert.That(Audit().Version, Is.EqualTo("2012-10-17"));
    }

    [Test]
    public void Role_policies_hold_no_wildcard_action_and_no_wildcard_resource()
    {
        foreach (var policy in new[] { Processor(), Audit() })
        {
            Assert.That(policy.AllActions, Has.None.Contain("*"));
            Assert.That(policy.Statements.SelectMany(s => s.Resources), Has.None.EqualTo("*"));
            Assert.That(policy.Statements.Select(s => s.Effect), Has.All.EqualTo("Allow"));
        }
    }

    [Test]
    public void Role_policies_give_no_kms_actions_without_a_customer_key()
    {
        Assert.That(Processor().AllActions.Concat(Audit().AllActions), Has.None.StartWith("kms:"));
    }

    [Test]
    public void Statements_have_distinct_sids()
    {
        Assert.That(Processor().Statements.Select(s => s.Sid), Is.Unique.And.All.Not.Null);
        Assert.That(Audit().Statements.Select(s => s.Sid), Is.Unique.And.All.Not.Null);
    }

    [Test]
    public void A_wildcard_action_is_refused()
    {
        var statements = new[] { new PolicyStatement("Everything", ["s3:*"], [BucketArn]) };

        Assert.That(() => PolicyDocuments.RolePolicy(statements), Throws.ArgumentException);
    }

    [Test]
    public void Trust_policy_lets_only_lambda_assume_the_role()
    {
        var statement = PolicyJson.Parse(PolicyDocuments.LambdaTrustPolicy()).Statements.Single();

        Assert.That(statement.Effect, Is.EqualTo("Allow"));
        Assert.That(statement.Actions, Is.EqualTo(new[] { "sts:AssumeRole" }));
        Assert.That(statement.Principal, Is.EqualTo("""{"Service":"lambda.amazonaws.com"}"""));
    }

    [Test]
    public void Bucket_policy_denies_every_request_without_tls_on_bucket_and_objects()
    {
        var statement = PolicyJson.Parse(PolicyDocuments.TlsOnlyBucketPolicy(BucketArn)).Statements.Single();

        Assert.That(statement.Effect, Is.EqualTo("Deny"));
        Assert.That(statement.Principal, Is.EqualTo("\"*\""));
        Assert.That(statement.Actions, Is.EqualTo(new[] { "s3:*" }));
        Assert.That(statement.Resources, Is.EqualTo(new[] { BucketArn, BucketArn + "/*" }));
        Assert.That(statement.Condition, Is.EqualTo("""{"Bool":{"aws:SecureTransport":"false"}}"""));
    }

    [Test]
    public void Queue_policy_denies_every_request_without_tls()
    {
        var statement = PolicyJson.Parse(PolicyDocuments.TlsOnlyQueuePolicy(QueueArn)).Statements.Single();

        Assert.That(statement.Effect, Is.EqualTo("Deny"));
        Assert.That(statement.Actions, Is.EqualTo(new[] { "sqs:*" }));
        Assert.That(statement.Resources, Is.EqualTo(new[] { QueueArn }));
        Assert.That(statement.Condition, Is.EqualTo("""{"Bool":{"aws:SecureTransport":"false"}}"""));
    }

    [Test]
    public void Arns_are_escaped_as_json_strings()
    {
        var policy = PolicyJson.Parse(PolicyDocuments.TlsOnlyQueuePolicy("arn:with\"quote"));

        Assert.That(policy.Statements.Single().Resources, Is.EqualTo(new[] { "arn:with\"quote" }));
    }

    [Test]
    public void Tracing_is_granted_by_the_aws_managed_xray_write_policy()
    {
        Assert.That(PolicyDocuments.TracingManagedPolicyArn, Is.EqualTo("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"));
    }
}

[TestFixture]
public sealed class StackKeyStatementTests
{
    private const string KeyArn = "arn:aws:kms:us-east-1:123456789012:key/k";

    [Test]
    public void A_role_gets_exactly_decrypt_and_generate_data_key_on_the_stack_key()
    {
        var statement = PolicyDocuments.StackKeyStatement(KeyArn);

        Assert.That(statement.Actions, Is.EqualTo(new[] { "kms:Decrypt", "kms:GenerateDataKey" }));
        Assert.That(statement.Resources, Is.EqualTo(new[] { KeyArn }));
    }

    [Test]
    public void Without_a_key_no_statement_is_added()
    {
        var statements = PolicyDocuments.AuditStatements("t", "q", "l");

        Assert.That(PolicyDocuments.WithStackKey(statements, null), Is.SameAs(statements));
        Assert.That(PolicyDocuments.WithStackKey(statements, string.Empty), Is.SameAs(statements));
        Assert.That(PolicyDocuments.WithStackKey(statements, KeyArn).Last().Sid, Is.EqualTo("UseStackKey"));
    }

    [Test]
    public void Only_cloudtrail_for_this_trail_may_assume_the_delivery_role()
    {
        const string trailArn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/t";
        var statement = PolicyJson.Parse(PolicyDocuments.CloudTrailTrustPolicy(trailArn, "123456789012"))
            .Statements.Single();

        Assert.That(statement.Principal, Is.EqualTo("""{"Service":"cloudtrail.amazonaws.com"}"""));
        Assert.That(statement.Actions, Is.EqualTo(new[] { "sts:AssumeRole" }));
        Assert.That(statement.Condition, Is.EqualTo(
            $$$"""{"StringEquals":{"aws:SourceAccount":"123456789012"},"ArnEquals":{"aws:SourceArn":["{{{trailArn}}}"]}}"""));
    }
}
