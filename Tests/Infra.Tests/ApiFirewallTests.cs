using System.Text.Json;
using NUnit.Framework;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests;

/// <summary>WAF on the HTTP API (<c>waf: true</c>): the web ACL and its rules, the allow-list, the association with
/// the stage, logging, the alarm and the output; and with <c>waf</c> off, none of it.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ApiFirewallTests
{
    private const string AclName = "dev-orders-api-waf-backend";
    private const string IpSetName = "dev-orders-api-allowed-ips-backend";
    private const string LogGroupName = "aws-waf-logs-dev-orders-api-backend";
    private const string AlarmName = "dev-waf-blocked-requests-alarm-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await Waf().RunAsync();

    private static StackRun Waf() => StackRun.WithIngest().With("waf", "true");

    private static IReadOnlyDictionary<string, object?> Obj(object? value) => RegisteredResource.AsObject(value);

    private static IReadOnlyList<IReadOnlyDictionary<string, object?>> Rules(RegisteredResource acl) =>
        acl.List("rules").Select(Obj).ToArray();

    private static IReadOnlyDictionary<string, object?> RuleNamed(RegisteredResource acl, string name) =>
        Rules(acl).Single(rule => (string?)rule["name"] == name);

    private static double Num(object? value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void The_web_acl_is_regional_allows_by_default_and_records_metrics_and_samples()
    {
        var acl = _run.Single(ResourceTypes.WebAcl);
        var visibility = acl.Object("visibilityConfig");
        Assert.Multiple(() =>
        {
            Assert.That(acl.String("name"), Is.EqualTo(AclName));
            Assert.That(acl.String("scope"), Is.EqualTo("REGIONAL"));
            Assert.That(acl.Object("defaultAction").Keys, Is.EqualTo(new[] { "allow" }));
            Assert.That(visibility["cloudwatchMetricsEnabled"], Is.True);
            Assert.That(visibility["sampledRequestsEnabled"], Is.True);
            Assert.That(visibility["metricName"], Is.EqualTo(AclName));
            Assert.That(acl.Has("ruleJson"), Is.False, "typed rules keep drift detection");
        });
    }

    [Test]
    public void Rules_run_in_the_issue_order_rate_limit_common_rule_set_known_bad_inputs()
    {
        var rules = Rules(_run.Single(ResourceTypes.WebAcl));

        Assert.That(rules.Select(rule => ((string?)rule["name"], Num(rule["priority"]))), Is.EqualTo(new[]
        {
            ("rate-limit-per-ip", 1.0), ("aws-common-rule-set", 2.0), ("aws-known-bad-inputs", 3.0),
        }));
    }

    [Test]
    public void Every_rule_records_metrics_and_samples_under_its_own_metric_name()
    {
        var visibilities = Rules(_run.Single(ResourceTypes.WebAcl))
            .Select(rule => ((string?)rule["name"], Obj(rule["visibilityConfig"])))
            .ToArray();

        Assert.That(visibilities, Has.Length.EqualTo(3));
        foreach (var (name, visibility) in visibilities)
        {
            Assert.Multiple(() =>
            {
                Assert.That(visibility["cloudwatchMetricsEnabled"], Is.True, name);
                Assert.That(visibility["sampledRequestsEnabled"], Is.True, name);
                Assert.That(visibility["metricName"], Is.EqualTo($"dev-waf-{name}-backend"));
            });
        }
    }

    [Test]
    public void The_rate_rule_blocks_an_ip_over_2000_requests_in_300_seconds_by_default()
    {
        var rule = RuleNamed(_run.Single(ResourceTypes.WebAcl), "rate-limit-per-ip");
        var statement = Obj(rule["statement"]);
        var rate = Obj(statement["rateBasedStatement"]);
        Assert.Multiple(() =>
        {
            Assert.That(statement.Keys, Is.EqualTo(new[] { "rateBasedStatement" }));
            Assert.That(rate["aggregateKeyType"], Is.EqualTo("IP"));
            Assert.That(Num(rate["limit"]), Is.EqualTo(2000));
            Assert.That(Num(rate["evaluationWindowSec"]), Is.EqualTo(300));
            Assert.That(rate.ContainsKey("scopeDownStatement"), Is.False);
            Assert.That(Obj(rule["action"]).Keys, Is.EqualTo(new[] { "block" }));
            Assert.That(rule.ContainsKey("overrideAction"), Is.False);
        });
    }

    [Test]
    public async Task The_rate_limit_comes_from_config()
    {
        var run = await Waf().With("wafRateLimit", "500").RunAsync();

        var rate = Obj(Obj(RuleNamed(run.Single(ResourceTypes.WebAcl), "rate-limit-per-ip")["statement"])["rateBasedStatement"]);
        Assert.That(Num(rate["limit"]), Is.EqualTo(500));
    }

    [Test]
    public void The_common_rule_set_keeps_its_actions_except_the_8_kb_body_limit_which_only_counts()
    {
        var rule = RuleNamed(_run.Single(ResourceTypes.WebAcl), "aws-common-rule-set");
        var group = Obj(Obj(rule["statement"])["managedRuleGroupStatement"]);
        var overrides = RegisteredResource.AsList(group["ruleActionOverrides"]).Select(Obj).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(group["name"], Is.EqualTo("AWSManagedRulesCommonRuleSet"));
            Assert.That(group["vendorName"], Is.EqualTo("AWS"));
            Assert.That(Obj(rule["overrideAction"]).Keys, Is.EqualTo(new[] { "none" }));
            Assert.That(rule.ContainsKey("action"), Is.False);
            Assert.That(overrides.Select(o => ((string?)o["name"], string.Join(",", Obj(o["actionToUse"]).Keys))),
                Is.EqualTo(new[] { ("SizeRestrictions_BODY", "count") }));
        });
    }

    [Test]
    public void The_known_bad_inputs_rule_set_keeps_all_its_actions()
    {
        var rule = RuleNamed(_run.Single(ResourceTypes.WebAcl), "aws-known-bad-inputs");
        var group = Obj(Obj(rule["statement"])["managedRuleGroupStatement"]);
        Assert.Multiple(() =>
        {
            Assert.That(group["name"], Is.EqualTo("AWSManagedRulesKnownBadInputsRuleSet"));
            Assert.That(group["vendorName"], Is.EqualTo("AWS"));
            Assert.That(group.ContainsKey("ruleActionOverrides")
                ? RegisteredResource.AsList(group["ruleActionOverrides"]) : [], Is.Empty);
            Assert.That(Obj(rule["overrideAction"]).Keys, Is.EqualTo(new[] { "none" }));
            Assert.That(rule.ContainsKey("action"), Is.False);
        });
    }

    [Test]
    public void Without_an_allow_list_there_is_no_ip_set_and_no_allow_list_rule()
    {
        Assert.That(_run.OfType(ResourceTypes.IpSet), Is.Empty);
        Assert.That(Rules(_run.Single(ResourceTypes.WebAcl)).Select(rule => rule["name"]),
            Has.None.EqualTo("block-outside-allow-list"));
    }

    [Test]
    public async Task An_allow_list_makes_an_ip_set_and_a_last_rule_that_blocks_every_other_address()
    {
        var run = await Waf().With("wafAllowedCidrs", "203.0.113.0/24, 198.51.100.7/32").RunAsync();

        var ipSet = run.Single(ResourceTypes.IpSet);
        var rules = Rules(run.Single(ResourceTypes.WebAcl));
        var last = rules[^1];
        var not = Obj(Obj(last["statement"])["notStatement"]);
        var reference = Obj(Obj(not["statement"])["ipSetReferenceStatement"]);
        Assert.Multiple(() =>
        {
            Assert.That(ipSet.String("name"), Is.EqualTo(IpSetName));
            Assert.That(ipSet.String("scope"), Is.EqualTo("REGIONAL"));
            Assert.That(ipSet.String("ipAddressVersion"), Is.EqualTo("IPV4"));
            Assert.That(ipSet.Strings("addresses"), Is.EqualTo(new[] { "203.0.113.0/24", "198.51.100.7/32" }));
            Assert.That(rules.Select(rule => rule["name"]), Is.EqualTo(new[]
            {
                "rate-limit-per-ip", "aws-common-rule-set", "aws-known-bad-inputs", "block-outside-allow-list",
            }));
            Assert.That(Num(last["priority"]), Is.EqualTo(4));
            Assert.That(Obj(last["action"]).Keys, Is.EqualTo(new[] { "block" }));
            Assert.That(Obj(last["statement"]).Keys, Is.EqualTo(new[] { "notStatement" }));
            Assert.That(reference["arn"], Is.EqualTo(MockAws.IpSetArn(IpSetName)));
            Assert.That(Obj(last["visibilityConfig"])["metricName"], Is.EqualTo("dev-waf-block-outside-allow-list-backend"));
            Assert.That(run.Single(ResourceTypes.WebAcl).Object("defaultAction").Keys, Is.EqualTo(new[] { "allow" }));
        });
    }

    [Test]
    public void The_web_acl_is_associated_with_the_stage_arn_not_the_execution_arn()
    {
        var association = _run.Single(ResourceTypes.WebAclAssociation);
        Assert.Multiple(() =>
        {
            Assert.That(association.String("resourceArn"), Is.EqualTo(MockAws.StageArn(MockAws.RestApiId, "v1")));
            Assert.That(association.String("resourceArn"), Does.StartWith("arn:aws:apigateway:us-east-1::/restapis/"));
            Assert.That(association.String("webAclArn"), Is.EqualTo(MockAws.WebAclArn(AclName)));
        });
    }

    [Test]
    public void Waf_logs_go_to_an_aws_waf_logs_group_with_the_stack_retention_and_the_api_key_redacted()
    {
        var logGroup = _run.Single(ResourceTypes.LogGroup, LogGroupName);
        var logging = _run.Single(ResourceTypes.WebAclLogging);
        var redacted = logging.List("redactedFields").Select(Obj).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(logGroup.Number("retentionInDays"), Is.EqualTo(14));
            Assert.That(logGroup.Has("kmsKeyId"), Is.False);
            Assert.That(logging.String("resourceArn"), Is.EqualTo(MockAws.WebAclArn(AclName)));
            // The group's ARN without ":*": the form WAF accepts.
            Assert.That(logging.Strings("logDestinationConfigs"), Is.EqualTo(new[] { MockAws.LogGroupArn(LogGroupName) }));
            Assert.That(redacted, Has.Length.EqualTo(1));
            Assert.That(Obj(redacted[0]["singleHeader"])["name"], Is.EqualTo("x-api-key"));
            Assert.That(logging.Has("loggingFilter"), Is.False, "every request is logged");
        });
    }

    [Test]
    public void Log_delivery_may_write_only_to_the_waf_log_group_for_this_account()
    {
        var policy = _run.Single(ResourceTypes.LogResourcePolicy);
        var groupArn = MockAws.LogGroupArn(LogGroupName);
        Assert.Multiple(() =>
        {
            Assert.That(policy.String("resourceArn"), Is.EqualTo(groupArn));
            Assert.That(policy.Has("policyName"), Is.False, "a log-group policy, not one of the account's ten");
            Assert.That(JsonDocument.Parse(policy.String("policyDocument")).RootElement.GetRawText(), Is.EqualTo(
                """{"Version":"2012-10-17","Statement":[{"Sid":"WafLogDelivery","Effect":"Allow","Principal":{"Service":"delivery.logs.amazonaws.com"},"Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":["GROUP:log-stream:*"],"Condition":{"StringEquals":{"aws:SourceAccount":"ACCOUNT"},"ArnLike":{"aws:SourceArn":"arn:aws:logs:us-east-1:ACCOUNT:*"}}}]}"""
                    .Replace("GROUP", groupArn, StringComparison.Ordinal)
                    .Replace("ACCOUNT", MockAws.AccountId, StringComparison.Ordinal)));
        });
    }

    [Test]
    public async Task With_the_stack_key_the_waf_log_group_is_encrypted_and_the_key_policy_names_it()
    {
        var run = await Waf().With("encryption", "customer-key").RunAsync();

        var keyArn = MockAws.KeyArn("encryption-key");
        var keyPolicy = run.Single(ResourceTypes.Key).String("policy");
        Assert.Multiple(() =>
        {
            Assert.That(run.Single(ResourceTypes.LogGroup, LogGroupName).String("kmsKeyId"), Is.EqualTo(keyArn));
            Assert.That(keyPolicy, Does.Contain($"\"{MockAws.LogGroupArn(LogGroupName)}\""));
            Assert.That(keyPolicy, Does.Contain($"\"{MockAws.AlarmArn(AlarmName)}\""));
        });
    }

    [Test]
    public void The_alarm_sums_blocked_requests_of_the_whole_acl_over_5_minutes_to_the_alert_topic()
    {
        var alarm = _run.Single(ResourceTypes.MetricAlarm, AlarmName);
        var topicArn = MockAws.TopicArn("dev-pipeline-alerts-topic-backend");
        Assert.Multiple(() =>
        {
            Assert.That(alarm.String("namespace"), Is.EqualTo("AWS/WAFV2"));
            Assert.That(alarm.String("metricName"), Is.EqualTo("BlockedRequests"));
            Assert.That(alarm.String("statistic"), Is.EqualTo("Sum"));
            Assert.That(alarm.Number("period"), Is.EqualTo(300));
            Assert.That(alarm.Number("evaluationPeriods"), Is.EqualTo(1));
            Assert.That(alarm.Number("threshold"), Is.EqualTo(100));
            Assert.That(alarm.String("comparisonOperator"), Is.EqualTo("GreaterThanOrEqualToThreshold"));
            Assert.That(alarm.String("treatMissingData"), Is.EqualTo("notBreaching"));
            Assert.That(alarm.Object("dimensions"), Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["WebACL"] = AclName, ["Rule"] = "ALL", ["Region"] = MockAws.Region,
            }));
            Assert.That(alarm.Strings("alarmActions"), Is.EqualTo(new[] { topicArn }));
            Assert.That(alarm.Strings("okActions"), Is.EqualTo(new[] { topicArn }));
        });
    }

    [Test]
    public async Task The_alarm_threshold_comes_from_config()
    {
        var run = await Waf().With("wafBlockedAlarmThreshold", "25").RunAsync();

        Assert.That(run.Single(ResourceTypes.MetricAlarm, AlarmName).Number("threshold"), Is.EqualTo(25));
    }

    [Test]
    public async Task The_stack_exports_the_web_acl_arn()
    {
        Assert.That(await OutputUtilities.GetValueAsync(_run.Stack.WebAclArn), Is.EqualTo(MockAws.WebAclArn(AclName)));
    }

    [Test]
    public async Task With_waf_off_nothing_of_it_exists_and_the_output_is_empty()
    {
        var run = await StackRun.WithIngest().RunAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(run.Aws.Where(resource => resource.Type.StartsWith("aws:wafv2/", StringComparison.Ordinal)), Is.Empty);
            Assert.That(run.OfType(ResourceTypes.LogResourcePolicy), Is.Empty);
            Assert.That(run.OfType(ResourceTypes.LogGroup).Select(group => group.String("name")),
                Has.None.StartWith("aws-waf-logs-"));
            Assert.That(run.OfType(ResourceTypes.MetricAlarm).Select(alarm => alarm.String("name")),
                Has.None.Contain("waf"));
            Assert.That(run.Mocks.Registered.Select(resource => resource.Type), Has.None.Contain("ApiFirewall"));
            Assert.That(await OutputUtilities.GetValueAsync(run.Stack.WebAclArn), Is.Empty);
        });
    }

    [Test]
    public void Waf_without_the_http_door_is_refused_before_anything_is_made()
    {
        var run = StackRun.WithIngest().With("waf", "true").With("httpIngest", "false");

        var error = Assert.ThrowsAsync<Pulumi.RunException>(async () => await run.RunAsync());
        Assert.That(error!.Message, Does.Contain("orders-pipeline:waf").And.Contain("orders-pipeline:httpIngest"));
        Assert.That(run.Mocks.Registered.Where(resource => resource.IsAws), Is.Empty);
    }
}
