using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Remediation;

/// <summary>The remediation function end to end on the AWS-shaped samples, with strict mocks of S3 and DynamoDB: every SDK call it
/// makes is one a test set up and verified.</summary>
public sealed class RemediationServiceTests
{
    private readonly Mock<IAmazonS3> _s3 = new(MockBehavior.Strict);
    private readonly Mock<IAmazonDynamoDB> _dynamoDb = new(MockBehavior.Strict);
    private readonly List<PutPublicAccessBlockRequest> _blockPuts = [];
    private readonly List<PutItemRequest> _itemPuts = [];
    private readonly CapturedLog _log = new();

    private RemediationService Function() => new(_s3.Object, _dynamoDb.Object, Samples.Settings, new FixedTime(), _log.Log);

    private Task<RemediationReport> InvokeAsync(string sample) =>
        Function().HandleAsync(FindingFixtures.Sample(sample), Invocations.Create(requestId: "req-1"));

    private void BucketHas(PublicAccessBlockConfiguration? configuration)
    {
        var get = _s3.Setup(s => s.GetPublicAccessBlockAsync(
            It.Is<GetPublicAccessBlockRequest>(r => r.BucketName == Samples.ProcessedBucket), It.IsAny<CancellationToken>()));
        if (configuration is null)
        {
            get.ThrowsAsync(new AmazonS3Exception("The public access block configuration was not found")
            {
                ErrorCode = "NoSuchPublicAccessBlockConfiguration",
                StatusCode = System.Net.HttpStatusCode.NotFound,
            });
        }
        else
        {
            get.ReturnsAsync(new GetPublicAccessBlockResponse { PublicAccessBlockConfiguration = configuration });
        }

        _s3.Setup(s => s.PutPublicAccessBlockAsync(It.IsAny<PutPublicAccessBlockRequest>(), It.IsAny<CancellationToken>()))
            .Callback((PutPublicAccessBlockRequest r, CancellationToken _) => _blockPuts.Add(r))
            .ReturnsAsync(new PutPublicAccessBlockResponse());
    }

    private void PutItemAnswers(Exception? error = null) =>
        _dynamoDb.Setup(d => d.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()))
            .Callback((PutItemRequest r, CancellationToken _) => _itemPuts.Add(r))
            .Returns(() => error is null ? Task.FromResult(new PutItemResponse()) : Task.FromException<PutItemResponse>(error));

    private JsonElement Handled => _log.WithMessage("security finding handled").Single();

    private double MetricValue(string name) => _log.WithMessage("metrics").Single().GetProperty(name).GetDouble();

    [Test]
    public async Task A_bucket_finding_with_the_block_partly_off_turns_all_four_settings_on()
    {
        BucketHas(new PublicAccessBlockConfiguration
        {
            BlockPublicAcls = true,
            IgnorePublicAcls = true,
            BlockPublicPolicy = false,
            RestrictPublicBuckets = false,
        });
        var report = await InvokeAsync(Samples.BlockPublicAccessDisabled);

        var put = _blockPuts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(put.BucketName, Is.EqualTo(Samples.ProcessedBucket));
            Assert.That(put.PublicAccessBlockConfiguration.BlockPublicAcls, Is.True);
            Assert.That(put.PublicAccessBlockConfiguration.IgnorePublicAcls, Is.True);
            Assert.That(put.PublicAccessBlockConfiguration.BlockPublicPolicy, Is.True);
            Assert.That(put.PublicAccessBlockConfiguration.RestrictPublicBuckets, Is.True);
            Assert.That(report.Action, Is.EqualTo(RemediationAction.PublicAccessBlockRestored));
            Assert.That(report.SettingsTurnedOn, Is.EqualTo(new[] { "BlockPublicPolicy", "RestrictPublicBuckets" }));
            Assert.That(report.Reason, Does.Contain("BlockPublicPolicy, RestrictPublicBuckets were off"));
            Assert.That(report.Resource, Is.EqualTo(Samples.ProcessedBucket));
            Assert.That(report.FindingType, Is.EqualTo("Policy:S3/BucketBlockPublicAccessDisabled"));
            Assert.That(Handled.GetProperty("action").GetString(), Is.EqualTo("PublicAccessBlockRestored"));
            Assert.That(MetricValue(RemediationMetrics.FindingsRemediated), Is.EqualTo(1));
        });
        _s3.Verify(s => s.GetPublicAccessBlockAsync(It.IsAny<GetPublicAccessBlockRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        _s3.Verify(s => s.PutPublicAccessBlockAsync(It.IsAny<PutPublicAccessBlockRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        _s3.VerifyNoOtherCalls();
        _dynamoDb.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_bucket_without_any_block_gets_one_with_all_four_on()
    {
        BucketHas(null);
        var report = await InvokeAsync(Samples.AnonymousAccessGranted);
        Assert.Multiple(() =>
        {
            Assert.That(_blockPuts, Has.Count.EqualTo(1));
            Assert.That(report.Action, Is.EqualTo(RemediationAction.PublicAccessBlockRestored));
            Assert.That(report.SettingsTurnedOn, Has.Count.EqualTo(4));
            Assert.That(report.Severity, Is.EqualTo(8));
        });
    }

    [Test]
    public async Task A_bucket_whose_block_is_already_on_is_left_alone()
    {
        BucketHas(new PublicAccessBlockConfiguration
        {
            BlockPublicAcls = true,
            IgnorePublicAcls = true,
            BlockPublicPolicy = true,
            RestrictPublicBuckets = true,
        });
        var report = await InvokeAsync(Samples.AnonymousAccessGranted);
        Assert.Multiple(() =>
        {
            Assert.That(_blockPuts, Is.Empty);
            Assert.That(report.Action, Is.EqualTo(RemediationAction.AlreadyRestricted));
            Assert.That(report.Reason, Does.Contain("already fully on"));
            Assert.That(report.SettingsTurnedOn, Is.Null);
            Assert.That(MetricValue(RemediationMetrics.FindingsAlreadyRestricted), Is.EqualTo(1));
            Assert.That(MetricValue(RemediationMetrics.FindingsRemediated), Is.EqualTo(0));
        });
        _s3.Verify(s => s.PutPublicAccessBlockAsync(It.IsAny<PutPublicAccessBlockRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _dynamoDb.VerifyNoOtherCalls();
    }

    [Test]
    public async Task An_access_key_finding_on_a_stack_role_is_recorded_once_in_the_audit_table()
    {
        PutItemAnswers();
        var report = await InvokeAsync(Samples.StackRoleAccessKey);

        var put = _itemPuts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(put.TableName, Is.EqualTo(Samples.AuditTable));
            Assert.That(put.ConditionExpression, Is.EqualTo("attribute_not_exists(auditId)"));
            Assert.That(put.Item["auditId"].S, Is.EqualTo("guardduty:a4c9e1f07d2b4e6f8a0c3d5e7f9b1a2c"));
            Assert.That(put.Item["timestamp"].S, Is.EqualTo("2026-11-24T09:12:31.771Z"));
            Assert.That(put.Item["failureType"].S, Is.EqualTo("security-finding"));
            Assert.That(put.Item["roleName"].S, Is.EqualTo(Samples.ProcessorRole));
            Assert.That(put.Item["accessKeyId"].S, Is.EqualTo("ASIAEXAMPLEPROCESSOR1"));
            Assert.That(put.Item["severity"].N, Is.EqualTo("5.5"));
            Assert.That(report.Action, Is.EqualTo(RemediationAction.Recorded));
            Assert.That(report.AuditId, Is.EqualTo("guardduty:a4c9e1f07d2b4e6f8a0c3d5e7f9b1a2c"));
            Assert.That(report.AuditTimestamp, Is.EqualTo("2026-11-24T09:12:31.771Z"));
            Assert.That(report.Resource, Is.EqualTo(Samples.ProcessorRole));
            Assert.That(report.ResourceType, Is.EqualTo("AccessKey"));
            Assert.That(report.Environment, Is.EqualTo("dev"));
            Assert.That(report.EventId, Is.EqualTo("4f1c2a77-5d0e-2b3c-9a41-7e0b6c1d2e31"));
            Assert.That(MetricValue(RemediationMetrics.FindingsRecorded), Is.EqualTo(1));
        });
        _dynamoDb.Verify(d => d.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        _dynamoDb.VerifyNoOtherCalls();
        _s3.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_same_update_delivered_again_finds_its_item_and_is_reported_as_already_recorded()
    {
        PutItemAnswers(new ConditionalCheckFailedException("The conditional request failed"));
        var report = await InvokeAsync(Samples.StackRoleAccessKey);
        Assert.Multiple(() =>
        {
            Assert.That(report.Action, Is.EqualTo(RemediationAction.AlreadyRecorded));
            Assert.That(report.Reason, Does.Contain("already recorded"));
            Assert.That(MetricValue(RemediationMetrics.FindingsRecorded), Is.EqualTo(1));
        });
    }

    [TestCase(Samples.OtherRoleAccessKey, "AccessKey", "role 'web-fleet-instance-role' is not one of this stack's roles")]
    [TestCase(Samples.LoggingDisabledOtherBucket, "S3Bucket", "bucket marketing-site-assets-123456789012 is not this stack's processed bucket")]
    public async Task A_finding_on_something_else_makes_no_sdk_call_and_is_reported_and_logged_as_ignored(
        string sample, string resourceType, string reason)
    {
        var report = await InvokeAsync(sample);
        Assert.Multiple(() =>
        {
            Assert.That(report.Action, Is.EqualTo(RemediationAction.Ignored));
            Assert.That(report.Reason, Is.EqualTo(reason));
            Assert.That(report.ResourceType, Is.EqualTo(resourceType));
            Assert.That(Handled.GetProperty("action").GetString(), Is.EqualTo("Ignored"));
            Assert.That(Handled.GetProperty("reason").GetString(), Is.EqualTo(reason));
            Assert.That(Handled.GetProperty("requestId").GetString(), Is.EqualTo("req-1"));
            Assert.That(MetricValue(RemediationMetrics.FindingsIgnored), Is.EqualTo(1));
        });
        _s3.VerifyNoOtherCalls();
        _dynamoDb.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_finding_on_another_kind_of_resource_is_ignored_without_any_sdk_call()
    {
        var input = FindingFixtures.Event("""
            {"version":"0","id":"e-1","detail-type":"GuardDuty Finding","source":"aws.guardduty","account":"123456789012",
             "time":"2026-11-24T09:17:40Z","region":"us-east-1","resources":[],
             "detail":{"schemaVersion":"2.0","id":"d0e1","type":"Recon:EC2/PortProbeUnprotectedPort","severity":5,
               "resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0a1b2c3d4e5f60718"}}}}
            """);
        var report = await Function().HandleAsync(input, Invocations.Create());
        Assert.That(report.Action, Is.EqualTo(RemediationAction.Ignored));
        _s3.VerifyNoOtherCalls();
        _dynamoDb.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Each_finding_logs_exactly_one_decision_line_and_one_metrics_line()
    {
        await InvokeAsync(Samples.OtherRoleAccessKey);
        Assert.Multiple(() =>
        {
            Assert.That(_log.Lines, Has.Count.EqualTo(2));
            Assert.That(Handled.GetProperty("findingId").GetString(), Is.EqualTo("c2e8b0a4f6d14c3e9b7a5d1f3e0c8a6b"));
            Assert.That(Handled.GetProperty("findingType").GetString(),
                Is.EqualTo("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"));
            Assert.That(Handled.GetProperty("severity").GetDouble(), Is.EqualTo(8));
            Assert.That(_log.WithMessage("metrics").Single().GetProperty("_aws").GetProperty("CloudWatchMetrics")[0]
                .GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()),
                Is.EquivalentTo(new[]
                {
                    RemediationMetrics.FindingsRecorded, RemediationMetrics.FindingsRemediated,
                    RemediationMetrics.FindingsAlreadyRestricted, RemediationMetrics.FindingsIgnored,
                    RemediationMetrics.FindingsFailed,
                }));
        });
    }

    [TestCase("""{"version":"0","id":"e-1","detail-type":"GuardDuty Finding","source":"aws.guardduty"}""", "has no 'detail'")]
    [TestCase("""{"version":"0","id":"e-1","detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{"type":"Policy:S3/BucketAnonymousAccessGranted"}}""",
        "has no 'id'")]
    [TestCase("""{"version":"0","id":"e-1","detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{"id":" "}}""", "has no 'id'")]
    [TestCase("""{"version":"0","id":"e-1","detail-type":"Object Created","source":"aws.s3","detail":{"id":"x"}}""",
        "only accepts aws.guardduty events")]
    [TestCase("""{"version":"0","id":"e-1","detail-type":"GuardDuty Runtime Protection Healthy","source":"aws.guardduty","detail":{"id":"x"}}""",
        "only accepts 'GuardDuty Finding'")]
    public void Malformed_input_is_logged_and_fails_the_invocation_so_the_failure_reaches_the_topic(string json, string message)
    {
        var input = FindingFixtures.Event(json);
        Assert.That(async () => await Function().HandleAsync(input, Invocations.Create()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains(message));
        var rejected = _log.WithMessage("remediation input rejected").Single();
        Assert.Multiple(() =>
        {
            Assert.That(rejected.GetProperty("level").GetString(), Is.EqualTo("ERROR"));
            Assert.That(rejected.GetProperty("error").GetString(), Does.Contain(message));
            Assert.That(rejected.GetProperty("eventId").GetString(), Is.EqualTo("e-1"));
            Assert.That(MetricValue(RemediationMetrics.FindingsFailed), Is.EqualTo(1));
        });
        _s3.VerifyNoOtherCalls();
        _dynamoDb.VerifyNoOtherCalls();
    }

    [Test]
    public void A_null_event_fails_with_a_clear_error() =>
        Assert.That(async () => await Function().HandleAsync(null, Invocations.Create()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains("not an EventBridge event"));

    [Test]
    public void An_s3_error_is_logged_and_rethrown_so_lambda_retries_and_then_reports_it()
    {
        _s3.Setup(s => s.GetPublicAccessBlockAsync(It.IsAny<GetPublicAccessBlockRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AmazonS3Exception("Access Denied") { ErrorCode = "AccessDenied" });
        Assert.That(async () => await InvokeAsync(Samples.AnonymousAccessGranted),
            Throws.TypeOf<AmazonS3Exception>().With.Message.EqualTo("Access Denied"));
        var failed = _log.WithMessage("security finding not handled").Single();
        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("level").GetString(), Is.EqualTo("ERROR"));
            Assert.That(failed.GetProperty("decision").GetString(), Is.EqualTo("RestrictBucket"));
            Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo("AmazonS3Exception: Access Denied"));
            Assert.That(MetricValue(RemediationMetrics.FindingsFailed), Is.EqualTo(1));
        });
    }

    [Test]
    public void An_audit_write_error_other_than_the_condition_is_rethrown()
    {
        PutItemAnswers(new AmazonDynamoDBException("Rate exceeded"));
        Assert.That(async () => await InvokeAsync(Samples.StackRoleAccessKey), Throws.TypeOf<AmazonDynamoDBException>());
        Assert.That(_log.WithMessage("security finding not handled"), Has.Count.EqualTo(1));
    }

    [Test]
    public void With_the_time_budget_nearly_spent_nothing_is_started_and_the_invocation_fails_for_a_retry()
    {
        var input = FindingFixtures.Sample(Samples.AnonymousAccessGranted);
        Assert.That(async () => await Function().HandleAsync(input, Invocations.Create(remaining: TimeSpan.FromMilliseconds(1))),
            Throws.TypeOf<TimeoutException>().With.Message.Contains("time budget"));
        _s3.VerifyNoOtherCalls();
        _dynamoDb.VerifyNoOtherCalls();
    }

    [Test]
    public void A_finding_id_longer_than_guardduty_allows_is_rejected()
    {
        var input = FindingFixtures.Sample(Samples.AnonymousAccessGranted);
        var tooLong = input with { Detail = FindingFixtures.Finding($$"""{"id":"{{new string('f', 301)}}"}""") };
        Assert.That(async () => await Function().HandleAsync(tooLong, Invocations.Create()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains("301 characters long"));
    }

    [Test]
    public async Task Without_a_function_name_the_metrics_name_the_function_unknown()
    {
        await Function().HandleAsync(FindingFixtures.Sample(Samples.OtherRoleAccessKey),
            new Invocation("req-2", TimeSpan.FromMinutes(1), FunctionName: null!));
        Assert.That(_log.WithMessage("metrics").Single().GetProperty("Function").GetString(), Is.EqualTo("unknown"));
    }
}
