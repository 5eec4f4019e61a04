using System.Reflection;
using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>Which parts a stack has (<see cref="StackParts"/>), and what the stack key's policy, the alarms and the
/// Config rules read from it, with every part on (the customer-key case nothing else covers at once).</summary>
[TestFixture]
public sealed class StackPartsTests
{
    private const string Account = "123456789012";
    private static readonly AwsScope Scope = new("aws", "eu-west-1", Account);

    /// <summary>Every optional part on, with the key the stack creates.</summary>
    internal static ConfigFixture EveryPartOn() => new ConfigFixture()
        .With("encryption", "customer-key").With("auditTrail", "true").With("httpIngest", "true")
        .With("fileIngest", "true").With("cdn", "true").With("waf", "true").With("vpc", "true")
        .With("guardDuty", "true").With("configRules", "true").With("configRecorder", "true");

    [Test]
    public void The_defaults_have_the_two_doors_and_nothing_else()
    {
        Assert.That(new ConfigFixture().Parse().Parts, Is.EqualTo(new StackParts
        {
            CustomerKey = false, CreatesKey = false, HttpIngest = true, FileIngest = true, AuditTrail = false,
            Cdn = false, Waf = false, Vpc = false, CreatesVpc = false, GuardDuty = false, ConfigRules = false,
            ConfigRecorder = false,
        }));
    }

    [Test]
    public void Every_switch_turns_on_its_part()
    {
        Assert.That(EveryPartOn().Parse().Parts, Is.EqualTo(new StackParts
        {
            CustomerKey = true, CreatesKey = true, HttpIngest = true, FileIngest = true, AuditTrail = true,
            Cdn = true, Waf = true, Vpc = true, CreatesVpc = true, GuardDuty = true, ConfigRules = true,
            ConfigRecorder = true,
        }));
    }

    [Test]
    public void An_imported_key_and_an_existing_vpc_are_used_but_not_created()
    {
        var parts = EveryPartOn()
            .With("kmsKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
            .With("vpcId", "vpc-0123456789abcdef0").With("subnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1")
            .Parse().Parts;

        Assert.That((parts.CustomerKey, parts.CreatesKey, parts.Vpc, parts.CreatesVpc), Is.EqualTo((true, false, true, false)));
    }

    [Test]
    public void With_every_part_on_the_stack_has_every_log_group_it_names()
    {
        var config = EveryPartOn().Parse();
        var names = config.Names;
        // Every log group name the stack knows: the properties of ResourceNames that end in LogGroup.
        var everyLogGroup = typeof(ResourceNames).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.Name.EndsWith("LogGroup", StringComparison.Ordinal)
                               && property.PropertyType == typeof(string))
            .Select(property => (string)property.GetValue(names)!)
            .ToArray();

        Assert.That(everyLogGroup, Has.Length.GreaterThanOrEqualTo(9));
        Assert.That(config.Parts.LogGroups(names), Is.EquivalentTo(everyLogGroup));
    }

    [Test]
    public void The_key_policy_lets_cloudwatch_logs_use_the_key_for_exactly_the_stacks_log_groups()
    {
        var config = EveryPartOn().Parse();

        var logs = PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(config, Scope))).Statements
            .Single(statement => statement.Sid == "CloudWatchLogsForStackLogGroups");

        var expected = config.Parts.LogGroups(config.Names).Select(Scope.LogGroupArn).ToArray();
        Assert.That(logs.Condition, Is.EqualTo("""{"ArnEquals":{"kms:EncryptionContext:aws:logs:arn":["""
                                               + string.Join(",", expected.Select(arn => $"\"{arn}\"")) + "]}}"));
    }

    [Test]
    public void The_api_access_log_group_is_in_the_key_policy_with_the_http_door_only()
    {
        static string Logs(ConfigFixture fixture) => PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(
                fixture.With("encryption", "customer-key").Parse(), Scope))).Statements
            .Single(statement => statement.Sid == "CloudWatchLogsForStackLogGroups").Condition!;

        Assert.That(Logs(new ConfigFixture()), Does.Contain("log-group:/aws/apigateway/dev-orders-api-backend\""));
        Assert.That(Logs(new ConfigFixture().With("httpIngest", "false")), Does.Not.Contain("/aws/apigateway/"));
    }

    [Test]
    public void With_every_part_on_the_key_policy_has_a_statement_for_every_service_that_uses_the_key()
    {
        var statements = PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(EveryPartOn().Parse(), Scope))).Statements;

        Assert.That(statements.Select(statement => statement.Sid), Is.EqualTo(new[]
        {
            "AccountAdministration", "AccountUseThroughIamPolicies", "CloudWatchLogsForStackLogGroups",
            "SnsForAlertTopic", "SqsForStackQueues", "CloudWatchAlarmsToAlertTopic", "CloudTrailForAuditTrail",
            "CloudFrontReadsProcessedData", "EventBridgeFindingsToAlertTopic", "ConfigDeliveryToHistoryBucket",
        }));
    }

    [Test]
    public void With_every_part_on_every_alarm_may_publish_to_the_encrypted_topic()
    {
        var config = EveryPartOn().Parse();
        var alarms = AlarmDefinitions.For(config).Select(alarm => alarm.Name)
            .Concat(AuditTrailAlarms.For(config.Names).Select(alarm => alarm.AlarmName)).ToArray();

        var condition = PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(config, Scope))).Statements
            .Single(statement => statement.Sid == "CloudWatchAlarmsToAlertTopic").Condition;

        // The doors', WAF's and remediation's alarms are among them.
        Assert.That(alarms, Does.Contain(config.Names.Api5xxAlarm).And.Contain(config.Names.FailedFilesAlarm)
            .And.Contain(config.Names.WafBlockedAlarm).And.Contain(config.Names.RemediationErrorsAlarm)
            .And.Contain(config.Names.UnauthorizedApiCallsAlarm));
        Assert.That(alarms.Select(Scope.AlarmArn), Has.All.Matches<string>(arn => condition!.Contains($"\"{arn}\"")));
    }

    [Test]
    public void With_every_part_on_the_config_rules_cover_every_bucket_table_and_function()
    {
        var targets = ConfigRuleSet.Targets(EveryPartOn().Parse()).Select(target => target.Target);

        Assert.That(targets, Is.EquivalentTo(Enum.GetValues<ComplianceTarget>()));
    }
}
