using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>WAF on the HTTP API, Pulumi-free: the rule list, the alarm, the log delivery policy, the names and the
/// config rules.</summary>
[TestFixture]
public sealed class ApiFirewallDefinitionsTests
{
    private static ConfigFixture Waf() => new ConfigFixture().With("waf", "true");

    [Test]
    public void Rules_are_rate_limit_then_common_then_known_bad_inputs_by_default()
    {
        var rules = ApiFirewallRules.For(Waf().Parse());

        Assert.That(rules.Select(rule => (rule.Name, rule.Priority, rule.Kind, rule.MetricName, rule.ManagedGroup)),
            Is.EqualTo(new[]
            {
                ("rate-limit-per-ip", 1, FirewallRuleKind.RateLimitPerIp, "dev-waf-rate-limit-per-ip-backend", (string?)null),
                ("aws-common-rule-set", 2, FirewallRuleKind.ManagedRuleGroup, "dev-waf-aws-common-rule-set-backend",
                    "AWSManagedRulesCommonRuleSet"),
                ("aws-known-bad-inputs", 3, FirewallRuleKind.ManagedRuleGroup, "dev-waf-aws-known-bad-inputs-backend",
                    "AWSManagedRulesKnownBadInputsRuleSet"),
            }));
    }

    [Test]
    public void Only_the_common_rule_sets_8_kb_body_limit_is_counted_instead_of_blocking()
    {
        var rules = ApiFirewallRules.For(Waf().Parse());

        Assert.That(rules.Single(rule => rule.ManagedGroup == ApiFirewallRules.CommonRuleSet).CountOnly,
            Is.EqualTo(new[] { "SizeRestrictions_BODY" }));
        Assert.That(rules.Single(rule => rule.ManagedGroup == ApiFirewallRules.KnownBadInputsRuleSet).CountOnly,
            Is.Empty);
    }

    [Test]
    public void The_body_limit_would_refuse_orders_the_api_accepts()
    {
        // Why SizeRestrictions_BODY only counts: the HTTP function accepts bodies far above 8 KB.
        Assert.That(Functions.Ingest.Orders.OrderLimits.MaxRecordBytes, Is.GreaterThan(8 * 1024));
    }

    [Test]
    public void An_allow_list_adds_a_fourth_and_last_rule_that_blocks_outsiders()
    {
        var config = Waf().With("wafAllowedCidrs", "203.0.113.0/24,198.51.100.7/32,203.0.113.0/24").Parse();

        var rules = ApiFirewallRules.For(config);

        Assert.That(rules.Select(rule => rule.Priority), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(rules[^1], Is.EqualTo(new FirewallRule("block-outside-allow-list", 4,
            FirewallRuleKind.BlockOutsideAllowList, "dev-waf-block-outside-allow-list-backend")));
        Assert.That(ApiFirewallRules.AllowedCidrs(config), Is.EqualTo(new[] { "203.0.113.0/24", "198.51.100.7/32" }));
    }

    [Test]
    public void Without_an_allow_list_there_are_no_addresses()
    {
        Assert.That(ApiFirewallRules.AllowedCidrs(Waf().Parse()), Is.Empty);
    }

    [Test]
    public void The_alarm_sums_blocked_requests_of_all_rules_in_the_stacks_region()
    {
        var alarm = ApiFirewallAlarms.For(Waf().With("wafBlockedAlarmThreshold", "40").Parse()).Single();

        Assert.That(alarm, Is.EqualTo(new AlarmDefinition("dev-waf-blocked-requests-alarm-backend",
            alarm.Description, "AWS/WAFV2", "BlockedRequests", "Sum", 300, 1, 40, "GreaterThanOrEqualToThreshold",
            "notBreaching", "WebACL", AlarmTarget.WebAcl)
        {
            FixedDimensions = alarm.FixedDimensions,
            RegionDimension = "Region",
        }));
        Assert.That(alarm.FixedDimensions, Is.EquivalentTo(new Dictionary<string, string> { ["Rule"] = "ALL" }));
    }

    [Test]
    public void The_alarm_is_one_of_the_stacks_alarms_only_with_waf_on()
    {
        Assert.That(AlarmDefinitions.For(Waf().Parse()).Select(alarm => alarm.Name),
            Has.One.EqualTo("dev-waf-blocked-requests-alarm-backend"));
        Assert.That(AlarmDefinitions.For(new ConfigFixture().Parse()).Select(alarm => alarm.Target),
            Has.None.EqualTo(AlarmTarget.WebAcl));
        Assert.That(AlarmDefinitions.For(new ConfigFixture().Parse()).Select(alarm => alarm.RegionDimension),
            Has.All.Null);
    }

    [Test]
    public void Log_delivery_may_write_streams_of_the_one_log_group_for_this_account_and_partition()
    {
        var scope = new AwsScope("aws-cn", "cn-north-1", "123456789012");
        const string group = "arn:aws-cn:logs:cn-north-1:123456789012:log-group:aws-waf-logs-dev-orders-api-backend";

        var statement = PolicyJson.Parse(PolicyDocuments.WafLogDeliveryPolicy(group, scope)).Statements.Single();

        Assert.That((statement.Sid, statement.Effect, string.Join(",", statement.Actions),
                string.Join(",", statement.Resources), statement.Principal, statement.Condition),
            Is.EqualTo(("WafLogDelivery", "Allow", "logs:CreateLogStream,logs:PutLogEvents", $"{group}:log-stream:*",
                """{"Service":"delivery.logs.amazonaws.com"}""",
                """{"StringEquals":{"aws:SourceAccount":"123456789012"},"ArnLike":{"aws:SourceArn":"arn:aws-cn:logs:cn-north-1:123456789012:*"}}""")));
    }

    [Test]
    public void Names_follow_the_pattern_and_the_log_group_has_the_prefix_waf_requires()
    {
        var names = new ResourceNames("dev", "backend");

        Assert.Multiple(() =>
        {
            Assert.That(names.WebAcl, Is.EqualTo("dev-orders-api-waf-backend"));
            Assert.That(names.WafIpSet, Is.EqualTo("dev-orders-api-allowed-ips-backend"));
            Assert.That(names.WafLogGroup, Is.EqualTo("aws-waf-logs-dev-orders-api-backend"));
            Assert.That(names.WafBlockedAlarm, Is.EqualTo("dev-waf-blocked-requests-alarm-backend"));
            Assert.That(names.WafMetric("rate-limit-per-ip"), Is.EqualTo("dev-waf-rate-limit-per-ip-backend"));
        });
    }

    [Test]
    public void The_longest_names_still_fit_wafs_limits()
    {
        var longest = new ResourceNames(new string('e', 32), new string('t', 32));

        Assert.That(longest.Validate(longest.Waf()), Is.Empty);
        Assert.That(longest.Waf().Select(entry => entry.Name), Has.Member(longest.WebAcl).And.Member(longest.WafLogGroup));
    }

    [Test]
    public void The_waf_name_rules_refuse_what_waf_refuses()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ServiceNameRules.WafEntity.Check(new string('a', 129)), Does.Contain("1-128"));
            Assert.That(ServiceNameRules.WafEntity.Check("has.dot"), Does.Contain("may contain only"));
            Assert.That(ServiceNameRules.WafMetric.Check("has space"), Does.Contain("may contain only"));
            Assert.That(ServiceNameRules.WafMetric.Check("dev-waf:rule/1.x#y_z"), Is.Null);
        });
    }

    [Test]
    public void With_waf_and_the_stack_key_the_key_policy_names_the_waf_log_group()
    {
        var scope = new AwsScope("aws", "eu-west-1", "123456789012");
        var on = KeyPolicyInputs.For(Waf().With("encryption", "customer-key").Parse(), scope);
        var off = KeyPolicyInputs.For(new ConfigFixture().With("encryption", "customer-key").Parse(), scope);

        const string wafGroup = "arn:aws:logs:eu-west-1:123456789012:log-group:aws-waf-logs-dev-orders-api-backend";
        Assert.That(on.LogGroupArns, Has.Member(wafGroup));
        Assert.That(on.AlarmArns, Has.Member("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:dev-waf-blocked-requests-alarm-backend"));
        Assert.That(off.LogGroupArns, Has.No.Member(wafGroup));
    }

    [Test]
    public void Waf_without_the_http_door_is_refused_naming_both_keys()
    {
        var error = Waf().With("httpIngest", "false").ParseFails();

        Assert.That(error.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Message, Does.Contain("'orders-pipeline:waf'").And.Contain("'orders-pipeline:httpIngest'"));
    }

    [Test]
    public void An_allow_list_without_waf_is_refused_rather_than_ignored()
    {
        var error = new ConfigFixture().With("wafAllowedCidrs", "203.0.113.0/24").ParseFails();

        Assert.That(error.Message, Does.Contain("'orders-pipeline:wafAllowedCidrs'").And.Contain("'orders-pipeline:waf'"));
    }

    [TestCase("195.178.188.66/29", "195.178.188.66/29 is 195.178.188.64/29")]
    [TestCase("203.0.113.0/24,10.1.2.3/8", "10.1.2.3/8 is 10.0.0.0/8")]
    public void A_block_with_host_bits_is_refused_naming_the_block_meant(string value, string named)
    {
        var error = Waf().With("wafAllowedCidrs", value).ParseFails();

        Assert.That(error.Message, Does.Contain("network address").And.Contain(named));
    }

    [TestCase("0.0.0.0/0")]
    [TestCase("203.0.113.0")]
    [TestCase("203.0.113.0/33")]
    [TestCase("300.0.113.0/24")]
    public void A_value_that_is_not_a_list_of_ipv4_blocks_is_refused(string value)
    {
        Assert.That(ValueRules.Ipv4CidrList(value), Does.Contain("comma-separated list of IPv4 CIDR blocks"));
    }

    [TestCase("203.0.113.0/24")]
    [TestCase("198.51.100.7/32, 10.0.0.0/8")]
    [TestCase("128.0.0.0/1")]
    public void Network_aligned_blocks_are_accepted(string value)
    {
        Assert.That(ValueRules.Ipv4CidrList(value), Is.Null);
    }
}
