using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class ServiceNameRulesTests
{
    private static IEnumerable<TestCaseData> Limits()
    {
        yield return Case(ServiceNameRules.DynamoDbTable, 3, 255);
        yield return Case(ServiceNameRules.LambdaFunction, 1, 64);
        yield return Case(ServiceNameRules.IamRole, 1, 64);
        yield return Case(ServiceNameRules.IamRolePolicy, 1, 128);
        yield return Case(ServiceNameRules.SqsQueue, 1, 80);
        yield return Case(ServiceNameRules.S3Bucket, 3, 63);
        yield return Case(ServiceNameRules.SnsTopic, 1, 256);
        yield return Case(ServiceNameRules.CloudWatchAlarm, 1, 255);
        yield return Case(ServiceNameRules.LogGroup, 1, 512);

        static TestCaseData Case(ServiceNameRule rule, int min, int max) =>
            new TestCaseData(rule, min, max).SetArgDisplayNames(rule.Kind);
    }

    [TestCaseSource(nameof(Limits))]
    public void Length_limits_are_inclusive(ServiceNameRule rule, int min, int max)
    {
        Assert.Multiple(() =>
        {
            Assert.That(rule.Check(new string('a', min)), Is.Null);
            Assert.That(rule.Check(new string('a', max)), Is.Null);
            Assert.That(rule.Check(new string('a', max + 1)), Does.Contain($"must be {min}-{max} characters")
                .And.Contain($"has {max + 1}"));
            if (min > 1)
            {
                Assert.That(rule.Check(new string('a', min - 1)), Is.Not.Null);
            }
        });
    }

    [TestCase("orders_table.v1-x")]
    public void DynamoDb_allows_underscore_dot_and_hyphen(string name) =>
        Assert.That(ServiceNameRules.DynamoDbTable.Check(name), Is.Null);

    [TestCase("orders table")]
    [TestCase("orders/table")]
    public void DynamoDb_refuses_other_characters(string name) =>
        Assert.That(ServiceNameRules.DynamoDbTable.Check(name), Does.Contain("may contain only"));

    [TestCase("fn.name")]
    [TestCase("fn name")]
    public void Lambda_and_Sqs_refuse_dots_and_spaces(string name)
    {
        Assert.That(ServiceNameRules.LambdaFunction.Check(name), Is.Not.Null);
        Assert.That(ServiceNameRules.SqsQueue.Check(name), Is.Not.Null);
    }

    [TestCase("My_Fn-1")]
    public void Lambda_and_Sqs_allow_letters_digits_hyphen_underscore(string name)
    {
        Assert.That(ServiceNameRules.LambdaFunction.Check(name), Is.Null);
        Assert.That(ServiceNameRules.SqsQueue.Check(name), Is.Null);
    }

    [TestCase("role+=,.@_-1")]
    public void Iam_allows_its_punctuation(string name) => Assert.That(ServiceNameRules.IamRole.Check(name), Is.Null);

    [TestCase("role/name")]
    [TestCase("rôle")]
    public void Iam_refuses_other_characters(string name) =>
        Assert.That(ServiceNameRules.IamRole.Check(name), Is.Not.Null);

    [TestCase("dev-processed-data-123456789012-backend")]
    [TestCase("a1b")]
    public void Buckets_allow_lowercase_digits_and_inner_hyphens(string name) =>
        Assert.That(ServiceNameRules.S3Bucket.Check(name), Is.Null);

    [TestCase("Dev-bucket")]
    [TestCase("-bucket")]
    [TestCase("bucket-")]
    [TestCase("bucket_name")]
    [TestCase("bucket.name")]
    public void Buckets_refuse_uppercase_edge_hyphens_and_other_characters(string name) =>
        Assert.That(ServiceNameRules.S3Bucket.Check(name), Does.Contain("lowercase letters, digits and '-'"));

    [Test]
    public void Log_groups_allow_slashes_and_hash() =>
        Assert.That(ServiceNameRules.LogGroup.Check("/aws/lambda/fn#1.x_y-z"), Is.Null);

    [Test]
    public void Log_groups_refuse_colons() =>
        Assert.That(ServiceNameRules.LogGroup.Check("/aws/lambda:fn"), Is.Not.Null);

    [Test]
    public void Alarms_refuse_control_characters() =>
        Assert.That(ServiceNameRules.CloudWatchAlarm.Check("alarm\tname"), Is.Not.Null);
}
