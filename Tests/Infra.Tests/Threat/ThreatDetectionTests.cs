using System.Text.Json;
using NUnit.Framework;
using OrdersPipeline.Functions;
using OrdersPipeline.Infra.Definitions;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests.Threat;

/// <summary><c>guardDuty: true</c>: the detector, the findings rule and its two targets, the permissions that let
/// EventBridge deliver, and the remediation function with its policy, destinations and alarm.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ThreatDetectionTests
{
    private const string Function = "dev-remediation-lambda-backend";
    private const string Role = "dev-remediation-role-backend";
    private const string Rule = "dev-guardduty-findings-backend";
    private const string Topic = "dev-pipeline-alerts-topic-backend";
    private const string Bucket = "dev-processed-data-123456789012-backend";
    private const string AuditTable = "dev-audit-table-backend";
    private static readonly string RuleArn = MockAws.EventRuleArn(Rule);
    private static readonly string TopicArn = MockAws.TopicArn(Topic);
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().With("guardDuty", "true").RunAsync();

    private RegisteredResource RemediationFunction => _run.Single(ResourceTypes.Function, Function);

    [Test]
    public async Task Without_a_detector_id_the_stack_creates_the_detector_with_s3_protection_and_exports_its_id()
    {
        var detector = _run.Single(ResourceTypes.Detector);
        var feature = _run.Single(ResourceTypes.DetectorFeature);
        var exported = await OutputUtilities.GetValueAsync(_run.Stack.GuardDutyDetectorId);

        Assert.Multiple(() =>
        {
            Assert.That(detector.Bool("enable"), Is.True);
            Assert.That(detector.String("findingPublishingFrequency"), Is.EqualTo("FIFTEEN_MINUTES"));
            Assert.That(detector.Has("datasources"), Is.False, "datasources is deprecated: features are resources");
            Assert.That((feature.String("detectorId"), feature.String("name"), feature.String("status")),
                Is.EqualTo((MockAws.DetectorId, "S3_DATA_EVENTS", "ENABLED")));
            Assert.That(exported, Is.EqualTo(MockAws.DetectorId));
        });
    }

    [Test]
    public async Task With_a_detector_id_the_stack_creates_no_detector_and_exports_that_id()
    {
        const string existing = "0123456789abcdef0123456789abcdef";
        var run = await StackRun.WithDefaults().With("guardDuty", "true").With("guardDutyDetectorId", existing).RunAsync();

        Assert.That(run.OfType(ResourceTypes.Detector).Concat(run.OfType(ResourceTypes.DetectorFeature)), Is.Empty);
        Assert.That(await OutputUtilities.GetValueAsync(run.Stack.GuardDutyDetectorId), Is.EqualTo(existing));
        Assert.That(run.OfType(ResourceTypes.EventRule).Count(), Is.EqualTo(1));
    }

    // One detector per region: an Organization's (or another stack's) stops the deployment before CreateDetector,
    // naming the key that uses it.
    [Test]
    public void A_detector_the_region_already_has_stops_the_deployment_naming_guard_duty_detector_id()
    {
        const string existing = "0123456789abcdef0123456789abcdef";
        var run = StackRun.WithDefaults().With("guardDuty", "true").WithRegionDetector(existing);

        var raised = Assert.CatchAsync(() => run.RunAsync());
        var messages = raised is AggregateException aggregate
            ? aggregate.Flatten().InnerExceptions.Select(error => error.Message)
            : [raised!.Message];

        Assert.That(messages, Has.Some.Contain($"pulumi config set orders-pipeline:guardDutyDetectorId {existing}"));
        Assert.That(run.Mocks.Registered.Where(r => r.Type == ResourceTypes.Detector), Is.Empty);
    }

    [Test]
    public async Task The_stacks_own_detector_from_its_previous_deployment_is_not_refused()
    {
        var run = await StackRun.WithDefaults().With("guardDuty", "true").WithRegionDetector(MockAws.DetectorId)
            .WithPriorOutput("guardDutyDetectorId", MockAws.DetectorId).RunAsync();

        Assert.That(run.OfType(ResourceTypes.Detector).Count(), Is.EqualTo(1));
        Assert.That(run.Single(ResourceTypes.StackReference).String("name"), Is.EqualTo("organization/orders-pipeline/dev"));
    }

    [Test]
    public async Task With_a_detector_id_the_region_is_not_looked_up()
    {
        var run = await StackRun.WithDefaults().With("guardDuty", "true")
            .With("guardDutyDetectorId", "0123456789abcdef0123456789abcdef").RunAsync();

        Assert.That(run.Mocks.Calls.Select(call => call.Token), Has.None.EqualTo(PipelineMocks.DetectorToken));
        Assert.That(run.OfType(ResourceTypes.StackReference), Is.Empty);
    }

    [Test]
    public void The_rule_matches_findings_of_severity_7_or_more_by_default()
    {
        var rule = _run.Single(ResourceTypes.EventRule, Rule);

        Assert.That(rule.String("eventPattern"), Is.EqualTo(
            """{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"],"detail":{"severity":[{"numeric":[">=",7]}]}}"""));
        Assert.That(rule.Has("eventBusName"), Is.False, "GuardDuty publishes to the default bus");
    }

    [Test]
    public async Task The_threshold_comes_from_config()
    {
        var run = await StackRun.WithDefaults().With("guardDuty", "true").With("guardDutySeverityThreshold", "5").RunAsync();

        using var pattern = JsonDocument.Parse(run.Single(ResourceTypes.EventRule, Rule).String("eventPattern"));
        Assert.That(pattern.RootElement.GetProperty("detail").GetProperty("severity")[0].GetProperty("numeric").GetRawText(),
            Is.EqualTo("""[">=",5]"""));
    }

    [Test]
    public void The_rule_targets_the_alert_topic_and_the_remediation_function()
    {
        var targets = _run.OfType(ResourceTypes.EventTarget)
            .Select(target => (target.String("rule"), target.String("targetId"), target.String("arn")))
            .ToArray();

        Assert.That(targets, Is.EquivalentTo(new[]
        {
            (Rule, "alert-topic", TopicArn),
            (Rule, "remediation-function", MockAws.FunctionArn(Function)),
        }));
    }

    [Test]
    public void Only_eventbridge_for_this_rule_may_invoke_the_function()
    {
        var permission = _run.OfType(ResourceTypes.LambdaPermission).Single();

        Assert.That((permission.String("action"), permission.String("function"), permission.String("principal"),
                permission.String("sourceArn")),
            Is.EqualTo(("lambda:InvokeFunction", Function, "events.amazonaws.com", RuleArn)));
    }

    [Test]
    public void The_topic_policy_lets_this_rule_and_the_stack_alarms_publish()
    {
        var policy = _run.Single(ResourceTypes.TopicPolicy);

        Assert.That(policy.String("arn"), Is.EqualTo(TopicArn));
        Assert.That(policy.String("policy"), Is.EqualTo(TopicPolicies.AlertTopic(TopicArn, MockAws.AccountId,
            $"arn:aws:cloudwatch:{MockAws.Region}:{MockAws.AccountId}:alarm:dev-*-backend", RuleArn)));
    }

    [Test]
    public void Every_alarm_of_the_stack_matches_the_topic_policy_alarm_pattern()
    {
        var alarms = _run.OfType(ResourceTypes.MetricAlarm).Select(alarm => alarm.String("name")).ToArray();

        Assert.That(alarms, Is.Not.Empty);
        Assert.That(alarms, Has.All.StartWith("dev-").And.All.EndWith("-backend"));
    }

    [Test]
    public void The_remediation_function_is_made_by_the_builder_with_its_handler_size_and_timeout()
    {
        var function = RemediationFunction;

        Assert.That((function.String("handler"), function.Number("memorySize"), function.Number("timeout"),
                function.String("role")),
            Is.EqualTo((Handlers.Remediation, 256.0, 30.0, MockAws.RoleArn(Role))));
        Assert.That(_run.Single(ResourceTypes.LogGroup, "/aws/lambda/" + Function), Is.Not.Null);
    }

    [Test]
    public void The_function_gets_the_bucket_every_function_role_including_its_own_and_the_audit_table()
    {
        var variables = RegisteredResource.AsObject(RemediationFunction.Object("environment")["variables"]);
        var functionRoles = _run.OfType(ResourceTypes.Function)
            .Select(function => function.String("role").Split('/')[^1])
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(variables, Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["PROCESSED_BUCKET_NAME"] = Bucket,
                ["STACK_ROLE_NAMES"] = "dev-order-processor-role-backend,dev-audit-role-backend," + Role,
                ["AUDIT_TABLE_NAME"] = AuditTable,
                ["METRICS_NAMESPACE"] = "OrdersPipeline",
                ["ENVIRONMENT"] = "dev",
            }));
            Assert.That(((string)variables["STACK_ROLE_NAMES"]!).Split(','), Is.EquivalentTo(functionRoles));
        });
    }

    [Test]
    public async Task With_the_doors_on_their_roles_are_stack_roles_too()
    {
        var run = await StackRun.WithIngest().With("guardDuty", "true").RunAsync();
        var variables = RegisteredResource.AsObject(run.Single(ResourceTypes.Function, Function).Object("environment")["variables"]);
        var functionRoles = run.OfType(ResourceTypes.Function).Select(function => function.String("role").Split('/')[^1]);

        Assert.That(((string)variables["STACK_ROLE_NAMES"]!).Split(','), Is.EquivalentTo(functionRoles));
        Assert.That(functionRoles.Count(), Is.EqualTo(5));
    }

    [Test]
    public void The_function_policy_holds_exactly_the_remediation_statements()
    {
        var policy = _run.Single(ResourceTypes.RolePolicy, "dev-remediation-policy-backend");

        Assert.That(policy.String("role"), Is.EqualTo(Role));
        Assert.That(policy.String("policy"), Is.EqualTo(PolicyDocuments.RolePolicy(PolicyDocuments.RemediationStatements(
            MockAws.BucketArn(Bucket), MockAws.TableArn(AuditTable), TopicArn,
            MockAws.LogGroupArn("/aws/lambda/" + Function)))));
    }

    [Test]
    public void The_function_reports_to_the_alert_topic_on_success_and_on_failure()
    {
        var invokeConfig = _run.Single(ResourceTypes.EventInvokeConfig);
        var destinations = invokeConfig.Object("destinationConfig");

        Assert.Multiple(() =>
        {
            Assert.That((invokeConfig.String("functionName"), invokeConfig.Number("maximumRetryAttempts"),
                invokeConfig.Number("maximumEventAgeInSeconds")), Is.EqualTo((Function, 2.0, 21600.0)));
            Assert.That(RegisteredResource.AsObject(destinations["onSuccess"])["destination"], Is.EqualTo(TopicArn));
            Assert.That(RegisteredResource.AsObject(destinations["onFailure"])["destination"], Is.EqualTo(TopicArn));
        });
    }

    [Test]
    public void An_alarm_watches_the_function_errors_and_notifies_the_topic()
    {
        var alarm = _run.Single(ResourceTypes.MetricAlarm, "dev-remediation-errors-alarm-backend");

        Assert.That((alarm.String("namespace"), alarm.String("metricName"), alarm.Object("dimensions")["FunctionName"]),
            Is.EqualTo(("AWS/Lambda", "Errors", (object)Function)));
        Assert.That(alarm.Strings("alarmActions"), Is.EqualTo(new[] { TopicArn }));
    }

    [Test]
    public async Task With_the_stack_key_eventbridge_may_use_it_and_the_function_log_group_is_covered()
    {
        var run = await StackRun.WithDefaults().With("guardDuty", "true").With("encryption", "customer-key").RunAsync();
        var keyPolicy = run.Single(ResourceTypes.Key).String("policy");
        var rolePolicy = run.Single(ResourceTypes.RolePolicy, "dev-remediation-policy-backend").String("policy");
        using var document = JsonDocument.Parse(keyPolicy);
        var events = document.RootElement.GetProperty("Statement").EnumerateArray()
            .Single(statement => statement.GetProperty("Sid").GetString() == KeyPolicy.EventBridgeStatementSid);

        Assert.Multiple(() =>
        {
            // EventBridge's KMS calls for an encrypted SNS target carry no source keys: no condition on them.
            Assert.That(events.TryGetProperty("Condition", out _), Is.False);
            Assert.That(keyPolicy, Does.Contain($"\"{MockAws.LogGroupArn("/aws/lambda/" + Function)}\""));
            Assert.That(rolePolicy, Does.Contain("\"Sid\":\"UseStackKey\""));
        });
    }
}
