using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class KeyPolicyTests
{
    private const string Account = "123456789012";
    private const string Prefix = "arn:aws:";
    private static readonly AwsScope Scope = new("aws", "eu-west-1", Account);

    private static PolicyJson Policy(bool auditTrail) =>
        PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(
            new ConfigFixture().With("encryption", "customer-key").With("auditTrail", auditTrail ? "true" : "false")
                .With("httpIngest", "false").With("fileIngest", "false").Parse(), Scope)));

    private static string Source(params string[] arns) =>
        """{"StringEquals":{"aws:SourceAccount":""" + $"\"{Account}\"" + """},"ArnEquals":{"aws:SourceArn":["""
        + string.Join(",", arns.Select(arn => $"\"{arn}\"")) + "]}}";

    private static string Alarm(string name) => $"{Prefix}cloudwatch:eu-west-1:{Account}:alarm:dev-{name}-backend";

    private static readonly string[] PipelineAlarms =
    [
        Alarm("processor-errors-alarm"), Alarm("processor-iterator-age-alarm"), Alarm("dlq-depth-alarm"),
        Alarm("audit-errors-alarm"), Alarm("redrive-depth-alarm"), Alarm("processing-lag-alarm"),
        Alarm("card-numbers-masked-alarm"),
    ];

    [Test]
    public void Without_a_trail_the_key_policy_holds_exactly_these_statements()
    {
        var statements = Policy(auditTrail: false).Statements;

        Assert.That(statements.Select(s => (s.Sid, s.Effect, s.Principal, string.Join(",", s.Actions),
            string.Join(",", s.Resources), s.Condition)), Is.EqualTo(new[]
        {
            ("AccountAdministration", "Allow", $$$"""{"AWS":"arn:aws:iam::{{{Account}}}:root"}""",
                string.Join(",", KeyPolicy.AdministrationActions), "*", (string?)null),
            ("AccountUseThroughIamPolicies", "Allow", $$$"""{"AWS":"arn:aws:iam::{{{Account}}}:root"}""",
                "kms:Encrypt,kms:Decrypt,kms:GenerateDataKey,kms:ReEncryptFrom,kms:ReEncryptTo", "*", null),
            ("CloudWatchLogsForStackLogGroups", "Allow", """{"Service":"logs.eu-west-1.amazonaws.com"}""",
                "kms:Encrypt,kms:Decrypt,kms:ReEncryptFrom,kms:ReEncryptTo,kms:GenerateDataKey,"
                + "kms:GenerateDataKeyWithoutPlaintext,kms:DescribeKey", "*",
                $$$"""{"ArnEquals":{"kms:EncryptionContext:aws:logs:arn":["{{{Prefix}}}logs:eu-west-1:{{{Account}}}:log-group:/aws/lambda/dev-order-processor-lambda-backend","{{{Prefix}}}logs:eu-west-1:{{{Account}}}:log-group:/aws/lambda/dev-audit-lambda-backend"]}}"""),
            ("SnsForAlertTopic", "Allow", """{"Service":"sns.amazonaws.com"}""", "kms:Decrypt,kms:GenerateDataKey", "*",
                Source($"{Prefix}sns:eu-west-1:{Account}:dev-pipeline-alerts-topic-backend")),
            ("SqsForStackQueues", "Allow", """{"Service":"sqs.amazonaws.com"}""", "kms:Decrypt,kms:GenerateDataKey", "*",
                Source($"{Prefix}sqs:eu-west-1:{Account}:dev-orders-dlq-backend",
                    $"{Prefix}sqs:eu-west-1:{Account}:dev-audit-redrive-queue-backend")),
            ("CloudWatchAlarmsToAlertTopic", "Allow", """{"Service":"cloudwatch.amazonaws.com"}""",
                "kms:Decrypt,kms:GenerateDataKey", "*", Source(PipelineAlarms)),
        }));
    }

    [Test]
    public void With_a_trail_cloudtrail_may_use_the_key_for_that_trail_and_its_log_group_and_alarms_are_added()
    {
        var statements = Policy(auditTrail: true).Statements;
        var trailArn = $"{Prefix}cloudtrail:eu-west-1:{Account}:trail/dev-audit-trail-backend";

        var cloudTrail = statements.Single(s => s.Sid == "CloudTrailForAuditTrail");
        Assert.That(cloudTrail.Principal, Is.EqualTo("""{"Service":"cloudtrail.amazonaws.com"}"""));
        Assert.That(cloudTrail.Actions, Is.EqualTo(new[] { "kms:GenerateDataKey", "kms:DescribeKey" }));
        Assert.That(cloudTrail.Condition, Is.EqualTo(Source(trailArn)));
        Assert.That(statements.Single(s => s.Sid == "CloudWatchLogsForStackLogGroups").Condition,
            Does.Contain($"log-group:/aws/cloudtrail/dev-audit-trail-backend\""));
        Assert.That(statements.Single(s => s.Sid == "CloudWatchAlarmsToAlertTopic").Condition, Is.EqualTo(Source(
            [.. PipelineAlarms, Alarm("unauthorized-api-calls-alarm"), Alarm("bucket-policy-changes-alarm")])));
        Assert.That(statements, Has.Count.EqualTo(7));
    }

    // Every function's log group is encrypted with the key, so CloudWatch Logs must be allowed it for each of them.
    [Test]
    public void With_the_ingest_doors_their_functions_log_groups_may_use_the_key()
    {
        var statements = PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(
            new ConfigFixture().With("encryption", "customer-key").Parse(), Scope))).Statements;

        Assert.That(statements.Single(s => s.Sid == "CloudWatchLogsForStackLogGroups").Condition,
            Does.Contain("log-group:/aws/lambda/dev-http-ingest-lambda-backend\"")
                .And.Contain("log-group:/aws/lambda/dev-file-ingest-lambda-backend\""));
    }

    [Test]
    public void The_account_only_administers_and_never_gets_a_wildcard_action()
    {
        var policy = Policy(auditTrail: true);

        Assert.That(policy.AllActions, Has.None.Contain("*"));
        Assert.That(KeyPolicy.AdministrationActions, Has.None.EqualTo("kms:Decrypt").And.None.EqualTo("kms:Encrypt"));
    }

    [Test]
    public void Every_service_statement_is_bound_to_this_account_or_this_stacks_arns()
    {
        foreach (var statement in Policy(auditTrail: true).Statements.Where(s => s.Principal!.Contains("Service")))
        {
            Assert.That(statement.Condition, Does.Contain("aws:SourceAccount").Or.Contain("kms:EncryptionContext:aws:logs:arn"),
                statement.Sid);
        }
    }

    // The KMS requests EventBridge makes to deliver to an encrypted SNS topic carry neither key, so a statement
    // conditioned on them never matches (AWS's encrypted-SNS-target guidance grants the principal alone).
    [Test]
    public void With_guardduty_only_the_eventbridge_statement_has_no_source_condition()
    {
        var statements = PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(
            new ConfigFixture().With("encryption", "customer-key").With("guardDuty", "true").With("auditTrail", "true")
                .Parse(), Scope))).Statements;
        var services = statements.Where(s => s.Principal!.Contains("Service")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(services.Where(s => s.Condition is null).Select(s => s.Sid),
                Is.EqualTo(new[] { KeyPolicy.EventBridgeStatementSid }));
            Assert.That(services.Single(s => s.Sid == KeyPolicy.EventBridgeStatementSid).Actions,
                Is.EqualTo(new[] { "kms:Decrypt", "kms:GenerateDataKey" }));
            Assert.That(services.Where(s => s.Sid != KeyPolicy.EventBridgeStatementSid).Select(s => s.Condition),
                Has.All.Contain("aws:SourceAccount").Or.Contain("kms:EncryptionContext:aws:logs:arn"));
        });
    }

    [Test]
    public void The_partition_comes_from_the_caller_arn()
    {
        var scope = AwsScope.FromCallerArn("arn:aws-us-gov:iam::123456789012:user/x", "us-gov-west-1", Account);

        Assert.That(scope.AccountRoot, Is.EqualTo("arn:aws-us-gov:iam::123456789012:root"));
        Assert.That(scope.TrailArn("t"), Is.EqualTo("arn:aws-us-gov:cloudtrail:us-gov-west-1:123456789012:trail/t"));
    }
}
