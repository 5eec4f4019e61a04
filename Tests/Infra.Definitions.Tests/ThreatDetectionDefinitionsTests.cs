using NUnit.Framework;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>GuardDuty's event pattern, the remediation function's policy, the alert topic's policy and the key
/// policy statements of <c>guardDuty: true</c>.</summary>
[TestFixture]
public sealed class ThreatDetectionDefinitionsTests
{
    private const string Account = "123456789012";
    private const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:dev-pipeline-alerts-topic-backend";
    private const string RuleArn = "arn:aws:events:eu-west-1:123456789012:rule/dev-guardduty-findings-backend";
    private static readonly AwsScope Scope = new("aws", "eu-west-1", Account);

    [Test]
    public void The_event_pattern_matches_guardduty_findings_at_or_above_the_threshold()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GuardDutyFindings.EventPattern(7), Is.EqualTo(
                """{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"],"detail":{"severity":[{"numeric":[">=",7]}]}}"""));
            Assert.That(GuardDutyFindings.EventPattern(4), Does.EndWith("""{"severity":[{"numeric":[">=",4]}]}}"""));
        });
    }

    [TestCase(0)]
    [TestCase(9)]
    public void A_threshold_outside_guardduty_severities_is_refused(int threshold)
    {
        Assert.That(() => GuardDutyFindings.EventPattern(threshold), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void The_remediation_policy_holds_exactly_its_four_statements()
    {
        var policy = PolicyJson.Parse(PolicyDocuments.RolePolicy(PolicyDocuments.RemediationStatements(
            "arn:aws:s3:::processed", "arn:aws:dynamodb:eu-west-1:1:table/audit", TopicArn, "arn:aws:logs:x:log-group:g")));

        Assert.That(policy.Statements.Select(s => (s.Sid, string.Join(",", s.Actions), string.Join(",", s.Resources))),
            Is.EqualTo(new[]
            {
                ("RestoreProcessedBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock,s3:PutBucketPublicAccessBlock",
                    "arn:aws:s3:::processed"),
                ("RecordSecurityFindings", "dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:1:table/audit"),
                ("ReportToAlertTopic", "sns:Publish", TopicArn),
                ("WriteOwnLogs", "logs:CreateLogStream,logs:PutLogEvents", "arn:aws:logs:x:log-group:g:*"),
            }));
    }

    [Test]
    public void The_alert_topic_policy_lets_the_stack_alarms_and_the_findings_rule_publish_and_nothing_else()
    {
        var alarms = Scope.AlarmArn(new ResourceNames("dev", "backend").AlarmNamePattern);
        var policy = PolicyJson.Parse(TopicPolicies.AlertTopic(TopicArn, Account, alarms, RuleArn));

        Assert.That(policy.Statements.Select(s => (s.Sid, s.Effect, s.Principal, string.Join(",", s.Actions),
            string.Join(",", s.Resources), s.Condition)), Is.EqualTo(new[]
        {
            ("StackAlarmsPublish", "Allow", """{"Service":"cloudwatch.amazonaws.com"}""", "sns:Publish", TopicArn,
                """{"StringEquals":{"aws:SourceAccount":"123456789012"},"ArnLike":{"aws:SourceArn":"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:dev-*-backend"}}"""),
            ("GuardDutyFindingsRulePublish", "Allow", """{"Service":"events.amazonaws.com"}""", "sns:Publish", TopicArn,
                """{"StringEquals":{"aws:SourceAccount":"123456789012"},"ArnEquals":{"aws:SourceArn":["""
                + $"\"{RuleArn}\"]}}}}"),
        }));
    }

    [Test]
    public void With_guardduty_the_key_lets_eventbridge_publish_and_covers_the_function_log_group_and_alarm()
    {
        var config = new ConfigFixture().With("encryption", "customer-key").With("guardDuty", "true")
            .With("httpIngest", "false").With("fileIngest", "false").Parse();
        var statements = PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(config, Scope))).Statements;

        var events = statements.Single(s => s.Sid == "EventBridgeFindingsToAlertTopic");
        Assert.Multiple(() =>
        {
            Assert.That(events.Principal, Is.EqualTo("""{"Service":"events.amazonaws.com"}"""));
            Assert.That(events.Actions, Is.EqualTo(new[] { "kms:Decrypt", "kms:GenerateDataKey" }));
            // The KMS calls of EventBridge's delivery carry no aws:SourceArn or aws:SourceAccount: any condition on
            // them would drop every finding. The topic policy binds publishing to the rule instead.
            Assert.That(events.Condition, Is.Null);
            Assert.That(statements.Single(s => s.Sid == "CloudWatchLogsForStackLogGroups").Condition,
                Does.Contain("log-group:/aws/lambda/dev-remediation-lambda-backend\""));
            Assert.That(statements.Single(s => s.Sid == "CloudWatchAlarmsToAlertTopic").Condition,
                Does.Contain("alarm:dev-remediation-errors-alarm-backend\""));
            Assert.That(statements.Select(s => s.Sid), Has.None.EqualTo("ConfigDeliveryToHistoryBucket"));
        });
    }

    [Test]
    public void Without_guardduty_or_a_recorder_the_key_policy_has_no_eventbridge_or_config_statement()
    {
        var config = new ConfigFixture().With("encryption", "customer-key").With("configRules", "true")
            .With("configRecorder", "false").Parse();
        var policy = KeyPolicy.For(KeyPolicyInputs.For(config, Scope));

        Assert.That(policy, Does.Not.Contain("events.amazonaws.com").And.Not.Contain("config.amazonaws.com")
            .And.Not.Contain("remediation"));
    }

    [Test]
    public void With_a_recorder_config_may_use_the_key_for_this_account()
    {
        var config = new ConfigFixture().With("encryption", "customer-key").With("configRules", "true")
            .With("configRecorder", "true").Parse();
        var statement = PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(config, Scope))).Statements
            .Single(s => s.Sid == "ConfigDeliveryToHistoryBucket");

        Assert.That((statement.Principal, string.Join(",", statement.Actions), statement.Condition), Is.EqualTo((
            """{"Service":"config.amazonaws.com"}""", "kms:Decrypt,kms:GenerateDataKey",
            """{"StringEquals":{"aws:SourceAccount":"123456789012"}}""")));
    }

    [Test]
    public void The_remediation_alarm_exists_only_with_guardduty()
    {
        var on = AlarmDefinitions.For(new ConfigFixture().With("guardDuty", "true").Parse());
        var off = AlarmDefinitions.For(new ConfigFixture().Parse());

        var alarm = on.Single(a => a.Target == AlarmTarget.RemediationFunction);
        Assert.Multiple(() =>
        {
            Assert.That((alarm.Name, alarm.Namespace, alarm.MetricName, alarm.Statistic, alarm.Threshold),
                Is.EqualTo(("dev-remediation-errors-alarm-backend", "AWS/Lambda", "Errors", "Sum", 1.0)));
            Assert.That(off.Select(a => a.Target), Has.None.EqualTo(AlarmTarget.RemediationFunction));
            Assert.That(on, Has.Count.EqualTo(off.Count + 1));
        });
    }

    [Test]
    public void The_remediation_function_fits_the_functions_time_budget()
    {
        Assert.That(PipelineDefaults.RemediationTimeoutSeconds,
            Is.GreaterThanOrEqualTo(TimeBudgetPolicy.MinimumFunctionTimeoutSeconds));
    }

    [Test]
    public void The_threat_detection_names_follow_the_pattern_and_fit_their_services()
    {
        var names = new ResourceNames("dev", "backend");
        var all = names.ThreatDetection(true, ["dev-dynamodb-pitr-orders-table-backend"], true);

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(entry => entry.Name), Is.EqualTo(new[]
            {
                "dev-remediation-lambda-backend", "dev-remediation-role-backend", "dev-remediation-policy-backend",
                "/aws/lambda/dev-remediation-lambda-backend", "dev-remediation-errors-alarm-backend",
                "dev-guardduty-findings-backend", "dev-dynamodb-pitr-orders-table-backend", "dev-config-recorder-backend",
                "dev-config-recorder-role-backend", "dev-config-recorder-policy-backend", "dev-config-delivery-backend",
            }));
            Assert.That(names.Validate(all), Is.Empty);
            Assert.That(names.ThreatDetection(false, [], false), Is.Empty);
            Assert.That(names.ConfigHistoryBucket(Account), Is.EqualTo("dev-config-history-123456789012-backend"));
            Assert.That(names.ConfigHistoryBucket(Account), Has.Length.LessThanOrEqualTo(names.ProcessedBucket(Account).Length));
        });
    }

    [Test]
    public void A_config_rule_name_longer_than_config_allows_is_a_config_error()
    {
        var longName = new string('a', 129);

        Assert.That(new ResourceNames("dev", "backend").Validate(
            new ResourceNames("dev", "backend").ThreatDetection(false, [longName], false)), Has.Count.EqualTo(1));
    }
}
