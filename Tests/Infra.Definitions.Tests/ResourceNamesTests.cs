using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class ResourceNamesTests
{
    private static readonly ResourceNames Dev = new("dev", "backend");

    [Test]
    public void Names_follow_environment_resource_team()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Dev.OrdersTable, Is.EqualTo("dev-orders-table-backend"));
            Assert.That(Dev.ProcessorFunction, Is.EqualTo("dev-order-processor-lambda-backend"));
            Assert.That(Dev.DeadLetterQueue, Is.EqualTo("dev-orders-dlq-backend"));
            Assert.That(Dev.AuditTable, Is.EqualTo("dev-audit-table-backend"));
            Assert.That(Dev.AuditFunction, Is.EqualTo("dev-audit-lambda-backend"));
            Assert.That(Dev.ProcessorRole, Is.EqualTo("dev-order-processor-role-backend"));
            Assert.That(Dev.AuditRole, Is.EqualTo("dev-audit-role-backend"));
            Assert.That(Dev.RedriveQueue, Is.EqualTo("dev-audit-redrive-queue-backend"));
            Assert.That(Dev.AlertTopic, Is.EqualTo("dev-pipeline-alerts-topic-backend"));
            Assert.That(Dev.ProcessorErrorsAlarm, Is.EqualTo("dev-processor-errors-alarm-backend"));
        });
    }

    [Test]
    public void Every_name_starts_with_the_environment_and_ends_with_the_team()
    {
        var names = Dev.All().Select(entry => entry.Name).Where(name => !name.StartsWith('/'));

        Assert.That(names, Has.All.StartWith("dev-").And.All.EndWith("-backend"));
    }

    [Test]
    public void Names_are_unique()
    {
        Assert.That(Dev.All().Select(entry => entry.Name), Is.Unique);
    }

    [Test]
    public void Log_groups_are_the_lambda_default_path_of_each_function()
    {
        Assert.That(Dev.ProcessorLogGroup, Is.EqualTo("/aws/lambda/dev-order-processor-lambda-backend"));
        Assert.That(Dev.AuditLogGroup, Is.EqualTo("/aws/lambda/dev-audit-lambda-backend"));
    }

    [Test]
    public void The_bucket_carries_the_account_id()
    {
        Assert.That(Dev.ProcessedBucket("123456789012"), Is.EqualTo("dev-processed-data-123456789012-backend"));
    }

    [TestCase("12345678901")]
    [TestCase("1234567890123")]
    [TestCase("12345678901a")]
    [TestCase("")]
    public void The_bucket_refuses_anything_but_a_12_digit_account_id(string accountId)
    {
        Assert.That(() => Dev.ProcessedBucket(accountId), Throws.ArgumentException.With.Message.Contain("12-digit"));
    }

    [Test]
    public void Valid_segments_give_no_problems()
    {
        Assert.That(Dev.Validate(), Is.Empty);
    }

    [Test]
    public void Longest_allowed_segments_break_only_limits_the_services_really_have()
    {
        var names = new ResourceNames(new string('e', 32), new string('t', 32));

        var problems = names.Validate();

        Assert.That(problems, Has.Some.Contain("S3 bucket names"));
        Assert.That(problems, Has.Some.Contain("Lambda function names"));
        Assert.That(problems, Has.Some.Contain("IAM role names"));
        Assert.That(problems, Has.None.Contain("DynamoDB table names"));
        Assert.That(problems, Has.None.Contain("CloudWatch alarm names"));
    }

    [Test]
    public void A_name_problem_names_both_keys_it_is_built_from()
    {
        var problems = new ResourceNames(new string('e', 40), "team").Validate();

        Assert.That(problems, Is.Not.Empty);
        Assert.That(problems, Has.All.Contain("'orders-pipeline:environment'").And.All.Contain("'orders-pipeline:team'"));
    }

    [Test]
    public void Characters_a_service_refuses_are_reported()
    {
        var problems = new ResourceNames("Dev", "backend").Validate();

        Assert.That(problems, Has.Exactly(1).Contain("S3 bucket names may contain only lowercase letters"));
    }

    [Test]
    public void Each_name_is_checked_against_the_service_it_is_used_in()
    {
        var rules = Dev.All().ToDictionary(entry => entry.Name, entry => entry.Rule);

        Assert.Multiple(() =>
        {
            Assert.That(rules[Dev.OrdersTable], Is.SameAs(ServiceNameRules.DynamoDbTable));
            Assert.That(rules[Dev.ProcessedBucket(ResourceNames.PlaceholderAccountId)], Is.SameAs(ServiceNameRules.S3Bucket));
            Assert.That(rules[Dev.ProcessorFunction], Is.SameAs(ServiceNameRules.LambdaFunction));
            Assert.That(rules[Dev.ProcessorRole], Is.SameAs(ServiceNameRules.IamRole));
            Assert.That(rules[Dev.DeadLetterQueue], Is.SameAs(ServiceNameRules.SqsQueue));
            Assert.That(rules[Dev.AlertTopic], Is.SameAs(ServiceNameRules.SnsTopic));
            Assert.That(rules[Dev.DeadLetterDepthAlarm], Is.SameAs(ServiceNameRules.CloudWatchAlarm));
            Assert.That(rules[Dev.AuditLogGroup], Is.SameAs(ServiceNameRules.LogGroup));
        });
    }
}

[TestFixture]
public sealed class ProtectionNamesTests
{
    private static readonly ResourceNames Dev = new("dev", "backend");

    [Test]
    public void Protection_resources_follow_the_naming_scheme()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Dev.KeyAlias, Is.EqualTo("alias/dev-orders-pipeline-backend"));
            Assert.That(Dev.AuditTrail, Is.EqualTo("dev-audit-trail-backend"));
            Assert.That(Dev.AuditTrailLogGroup, Is.EqualTo("/aws/cloudtrail/dev-audit-trail-backend"));
            Assert.That(Dev.AuditTrailBucket("123456789012"), Is.EqualTo("dev-audit-trail-123456789012-backend"));
            Assert.That(Dev.AccessLogBucket("123456789012"), Is.EqualTo("dev-access-logs-123456789012-backend"));
        });
    }

    // The new buckets are not checked on their own: the processed bucket's check covers them.
    [Test]
    public void Every_other_bucket_name_is_shorter_than_the_processed_bucket_name()
    {
        var names = new ResourceNames(new string('e', 32), new string('t', 32));
        var processed = names.ProcessedBucket(ResourceNames.PlaceholderAccountId).Length;

        Assert.That(names.AuditTrailBucket(ResourceNames.PlaceholderAccountId).Length, Is.LessThan(processed));
        Assert.That(names.AccessLogBucket(ResourceNames.PlaceholderAccountId).Length, Is.LessThan(processed));
    }
}
