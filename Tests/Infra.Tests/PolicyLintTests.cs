using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

/// <summary>Parses every IAM and resource policy the program produces, with every control on and with none, and
/// lints each (<see cref="PolicyLint"/>; its exceptions list each place AWS requires a wildcard, with the reason).</summary>
[TestFixture]
[NonParallelizable]
public sealed class PolicyLintTests
{
    private static readonly (string Type, string Input, string Kind)[] PolicyInputs =
    [
        (ResourceTypes.RolePolicy, "policy", PolicyLint.RolePolicyKind),
        (ResourceTypes.Role, "assumeRolePolicy", PolicyLint.TrustPolicyKind),
        (ResourceTypes.BucketPolicy, "policy", "bucket policy"),
        (ResourceTypes.QueuePolicy, "policy", "queue policy"),
        (ResourceTypes.Key, "policy", PolicyLint.KeyPolicyKind),
        (ResourceTypes.LogResourcePolicy, "policyDocument", "log resource policy"),
        (ResourceTypes.TopicPolicy, "policy", "topic policy"),
    ];

    private static async Task<IReadOnlyList<ProducedPolicy>> PoliciesOf(StackRun run)
    {
        await run.RunAsync();
        return PolicyInputs
            .SelectMany(input => run.OfType(input.Type)
                .Select(resource => new ProducedPolicy(resource.Name, input.Kind, resource.String(input.Input))))
            .ToArray();
    }

    private static StackRun EveryControl() => StackRun.WithIngest()
        .With("encryption", "customer-key")
        .With("auditTrail", "true")
        .With("processedObjectLockDays", "30")
        .With("forceDestroy", "false")
        .With("cdn", "true")
        .With("waf", "true")
        .With("wafAllowedCidrs", "203.0.113.0/24")
        .With("vpc", "true")
        .With("guardDuty", "true")
        .With("configRules", "true")
        .With("configRecorder", "true");

    [Test]
    public async Task Every_policy_passes_with_every_control_on()
    {
        var policies = await PoliciesOf(EveryControl());

        // 8 role policies (processor, audit, trail delivery, HTTP and file ingest, flow-log delivery, remediation,
        // config recorder), 9 trust policies (those roles and API Gateway's logs role), 5 bucket policies (processed, with the CDN's read statement; access logs,
        // trail, drop, config history), 2 queue policies, 1 key policy (with the CDN's decrypt statement), 1 log
        // resource policy (WAF), 1 topic policy (the alert topic, with guardDuty).
        Assert.That(policies, Has.Count.EqualTo(27));
        Assert.That(policies.SelectMany(PolicyLint.Check), Is.Empty);
    }

    [Test]
    public async Task Every_policy_passes_with_the_defaults()
    {
        var policies = await PoliciesOf(StackRun.WithIngest());

        // 4 role policies, 5 trust policies (the four functions' and API Gateway's logs role), 3 bucket policies
        // (processed, access logs, drop), 2 queue policies.
        Assert.That(policies, Has.Count.EqualTo(14));
        Assert.That(policies.SelectMany(PolicyLint.Check), Is.Empty);
    }

    [Test]
    public async Task The_only_managed_policies_are_xray_write_access_the_config_recorder_and_api_gateway_logging()
    {
        var run = await EveryControl().RunAsync();

        Assert.That(PolicyLint.Exceptions.Keys, Has.One.Contain("AWSXRayDaemonWriteAccess"));
        Assert.That(PolicyLint.Exceptions.Keys, Has.One.Contain("AWS_ConfigRole"));
        Assert.That(PolicyLint.Exceptions.Keys, Has.One.Contain("AmazonAPIGatewayPushToCloudWatchLogs"));
        Assert.That(run.OfType(ResourceTypes.RolePolicyAttachment).Select(a => a.String("policyArn")).Distinct(),
            Is.EquivalentTo(new[]
            {
                "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
                "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole",
                "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
            }));
    }

    [Test]
    public void Each_exception_states_its_reason()
    {
        Assert.That(PolicyLint.Exceptions.Values, Has.All.Length.GreaterThan(40));
    }

    // The linter itself: each rule fires on a policy that breaks it.
    [TestCase("""{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b"}""", "wildcard action")]
    [TestCase("""{"Effect":"Allow","Action":"kms:GenerateDataKey*","Resource":"arn:aws:kms:r:1:key/k"}""", "wildcard action")]
    [TestCase("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", "Resource \"*\"")]
    [TestCase("""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""", "Principal \"*\"")]
    [TestCase("""{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:r:1:q"}""", "without aws:SourceAccount")]
    [TestCase("""{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b"}""", "wildcard action")]
    [TestCase("""{"Effect":"Allow","NotAction":"s3:DeleteObject","Action":"s3:GetObject","Resource":"arn:aws:s3:::b"}""", "Not*")]
    public void The_linter_reports_a_policy_that_breaks_a_rule(string statement, string problem)
    {
        var policy = new ProducedPolicy("sample", "bucket policy", $$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""");

        Assert.That(PolicyLint.Check(policy), Has.Some.Contain(problem));
    }

    private const string EniActions =
        """["ec2:CreateNetworkInterface","ec2:DescribeNetworkInterfaces","ec2:DescribeSubnets","ec2:DeleteNetworkInterface","ec2:AssignPrivateIpAddresses","ec2:UnassignPrivateIpAddresses"]""";

    [TestCase(EniActions, "role policy", true)]
    [TestCase(EniActions, "bucket policy", false)]
    [TestCase("""["ec2:CreateNetworkInterface","ec2:DescribeNetworkInterfaces","ec2:DeleteNetworkInterface"]""", "role policy", false)]
    [TestCase("""["ec2:CreateNetworkInterface","ec2:DescribeNetworkInterfaces","ec2:DescribeSubnets","ec2:DeleteNetworkInterface","ec2:AssignPrivateIpAddresses","ec2:UnassignPrivateIpAddresses","ec2:CreateTags"]""", "role policy", false)]
    [TestCase("""["ec2:DescribeNetworkInterfaces"]""", "role policy", false)]
    public void The_star_resource_exception_for_network_interfaces_is_exactly_the_eni_statement(
        string actions, string kind, bool allowed)
    {
        var json = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"ManageFunctionNetworkInterfaces","Effect":"Allow","Action":{{actions}},"Resource":["*"]}]}""";

        Assert.That(PolicyLint.Check(new ProducedPolicy("eni", kind, json)), allowed ? Is.Empty : Has.Some.Contain("Resource \"*\""));
    }

    // Only the key policy's EventBridge statement, exactly, may name events.amazonaws.com without a source condition.
    [TestCase(PolicyLint.KeyPolicyKind, "EventBridgeFindingsToAlertTopic", """["kms:Decrypt","kms:GenerateDataKey"]""", true)]
    [TestCase("topic policy", "EventBridgeFindingsToAlertTopic", """["kms:Decrypt","kms:GenerateDataKey"]""", false)]
    [TestCase(PolicyLint.KeyPolicyKind, "SomethingElse", """["kms:Decrypt","kms:GenerateDataKey"]""", false)]
    [TestCase(PolicyLint.KeyPolicyKind, "EventBridgeFindingsToAlertTopic", """["kms:Decrypt","kms:GenerateDataKey","kms:Encrypt"]""", false)]
    public void The_eventbridge_key_statement_is_the_one_service_statement_without_a_source_condition(
        string kind, string sid, string actions, bool allowed)
    {
        var json = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"{{sid}}","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":{{actions}},"Resource":"*"}]}""";
        var problems = PolicyLint.Check(new ProducedPolicy("key", kind, json));

        Assert.That(problems, allowed ? Is.Empty : Has.Some.Contain("without aws:SourceAccount"));
    }

    [Test]
    public void A_star_resource_is_refused_outside_a_key_policy_and_allowed_in_one()
    {
        const string json = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"kms:DescribeKey","Resource":"*"}]}""";

        Assert.That(PolicyLint.Check(new ProducedPolicy("k", PolicyLint.KeyPolicyKind, json)), Is.Empty);
        Assert.That(PolicyLint.Check(new ProducedPolicy("k", "bucket policy", json)), Is.Not.Empty);
    }
}
