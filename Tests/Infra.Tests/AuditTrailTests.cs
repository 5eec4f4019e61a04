using NUnit.Framework;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class AuditTrailTests
{
    private const string TrailName = "dev-audit-trail-backend";
    private const string TrailBucket = "dev-audit-trail-123456789012-backend";
    private const string TopicName = "dev-pipeline-alerts-topic-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults()
        .With("auditTrail", "true")
        .With("trailLogExpirationDays", "730")
        .RunAsync();

    private RegisteredResource Trail => _run.Single(ResourceTypes.Trail);

    [Test]
    public void The_trail_is_multi_region_with_log_file_validation_into_its_own_bucket()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Trail.String("name"), Is.EqualTo(TrailName));
            Assert.That(Trail.Bool("isMultiRegionTrail"), Is.True);
            Assert.That(Trail.Bool("includeGlobalServiceEvents"), Is.True);
            Assert.That(Trail.Bool("enableLogFileValidation"), Is.True);
            Assert.That(Trail.Bool("enableLogging"), Is.True);
            Assert.That(Trail.String("s3BucketName"), Is.EqualTo(TrailBucket));
            Assert.That(Trail.Has("kmsKeyId"), Is.False);
        });
    }

    [Test]
    public void Data_events_cover_the_processed_bucket_objects_and_the_orders_table()
    {
        var selector = RegisteredResource.AsObject(Trail.List("eventSelectors").Single());
        var resources = RegisteredResource.AsList(selector["dataResources"]).Select(RegisteredResource.AsObject)
            .Select(resource => (resource["type"], RegisteredResource.AsList(resource["values"]).Single()));

        Assert.That(selector["readWriteType"], Is.EqualTo("All"));
        Assert.That(selector["includeManagementEvents"], Is.EqualTo(true));
        Assert.That(resources, Is.EqualTo(new[]
        {
            ((object?)"AWS::S3::Object", (object?)(MockAws.BucketArn("dev-processed-data-123456789012-backend") + "/")),
            ("AWS::DynamoDB::Table", MockAws.TableArn("dev-orders-table-backend")),
        }));
    }

    [Test]
    public void The_trail_delivers_to_its_log_group_through_a_role_only_this_trail_may_assume()
    {
        var role = _run.Single(ResourceTypes.Role, "dev-audit-trail-role-backend");

        Assert.That(Trail.String("cloudWatchLogsGroupArn"),
            Is.EqualTo(MockAws.LogGroupArn("/aws/cloudtrail/" + TrailName) + ":*"));
        Assert.That(Trail.String("cloudWatchLogsRoleArn"), Is.EqualTo(MockAws.RoleArn("dev-audit-trail-role-backend")));
        Assert.That(role.String("assumeRolePolicy"),
            Is.EqualTo(PolicyDocuments.CloudTrailTrustPolicy(MockAws.TrailArn(TrailName), MockAws.AccountId)));
        Assert.That(_run.Single(ResourceTypes.RolePolicy, "dev-audit-trail-policy-backend").String("policy"),
            Is.EqualTo(PolicyDocuments.RolePolicy(
                PolicyDocuments.AuditTrailDeliveryStatements(MockAws.LogGroupArn("/aws/cloudtrail/" + TrailName)))));
    }

    [Test]
    public void The_trail_bucket_policy_is_exactly_cloudtrail_for_this_trail_plus_tls_only()
    {
        Assert.That(_run.Single(ResourceTypes.BucketPolicy, TrailBucket).String("policy"), Is.EqualTo(
            BucketPolicies.AuditTrailBucket(MockAws.BucketArn(TrailBucket), MockAws.TrailArn(TrailName), MockAws.AccountId)));
    }

    [Test]
    public void The_trail_bucket_is_private_versioned_and_owner_enforced()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_run.Single(ResourceTypes.BucketVersioning, TrailBucket).Object("versioningConfiguration")["status"],
                Is.EqualTo("Enabled"));
            Assert.That(new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }
                .Select(_run.Single(ResourceTypes.BucketPublicAccessBlock, TrailBucket).Bool), Has.All.True);
            Assert.That(_run.Single(ResourceTypes.BucketOwnershipControls, TrailBucket).Object("rule")["objectOwnership"],
                Is.EqualTo("BucketOwnerEnforced"));
        });
    }

    [Test]
    public void Trail_logs_move_to_glacier_after_90_days_and_expire_after_the_configured_days()
    {
        var rule = RegisteredResource.AsObject(_run.Single(ResourceTypes.BucketLifecycle, TrailBucket).List("rules").Single());
        var transition = RegisteredResource.AsObject(RegisteredResource.AsList(rule["transitions"]).Single());

        Assert.That(transition["days"], Is.EqualTo(90d));
        Assert.That(transition["storageClass"], Is.EqualTo("GLACIER"));
        Assert.That(RegisteredResource.AsObject(rule["expiration"])["days"], Is.EqualTo(730d));
        Assert.That(RegisteredResource.AsObject(rule["noncurrentVersionExpiration"])["noncurrentDays"], Is.EqualTo(730d));
    }

    [Test]
    public void Metric_filters_count_unauthorised_calls_and_bucket_policy_changes_in_the_trail_log_group()
    {
        var filters = _run.OfType(ResourceTypes.LogMetricFilter).ToDictionary(f => f.String("name"));

        Assert.That(filters.Keys, Is.EquivalentTo(new[]
        {
            "dev-unauthorized-api-calls-filter-backend", "dev-bucket-policy-changes-filter-backend",
        }));
        Assert.That(filters.Values.Select(f => f.String("logGroupName")), Has.All.EqualTo("/aws/cloudtrail/" + TrailName));
        Assert.That(filters["dev-unauthorized-api-calls-filter-backend"].String("pattern"),
            Is.EqualTo(AuditTrailAlarms.UnauthorizedApiCallsPattern));
        Assert.That(filters["dev-bucket-policy-changes-filter-backend"].String("pattern"),
            Does.Contain("PutBucketPolicy").And.Contain("DeleteBucketPolicy"));
        var transformation = filters["dev-unauthorized-api-calls-filter-backend"].Object("metricTransformation");
        Assert.That(transformation["name"], Is.EqualTo("dev-unauthorized-api-calls-backend"));
        Assert.That(transformation["namespace"], Is.EqualTo("orders-pipeline/security"));
        Assert.That(transformation["value"], Is.EqualTo("1"));
    }

    [TestCase("dev-unauthorized-api-calls-alarm-backend", "dev-unauthorized-api-calls-backend")]
    [TestCase("dev-bucket-policy-changes-alarm-backend", "dev-bucket-policy-changes-backend")]
    public void Each_security_alarm_fires_on_one_event_and_notifies_the_alert_topic(string alarmName, string metric)
    {
        var alarm = _run.Single(ResourceTypes.MetricAlarm, alarmName);

        Assert.Multiple(() =>
        {
            Assert.That(alarm.String("namespace"), Is.EqualTo("orders-pipeline/security"));
            Assert.That(alarm.String("metricName"), Is.EqualTo(metric));
            Assert.That(alarm.String("statistic"), Is.EqualTo("Sum"));
            Assert.That(alarm.Number("threshold"), Is.EqualTo(1));
            Assert.That(alarm.Number("period"), Is.EqualTo(300));
            Assert.That(alarm.String("comparisonOperator"), Is.EqualTo("GreaterThanOrEqualToThreshold"));
            Assert.That(alarm.Strings("alarmActions"), Is.EqualTo(new[] { MockAws.TopicArn(TopicName) }));
            Assert.That(alarm.Strings("okActions"), Is.EqualTo(new[] { MockAws.TopicArn(TopicName) }));
        });
    }

    [Test]
    public async Task The_trail_outputs_name_its_arn_bucket_and_log_group()
    {
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(_run.Stack.AuditTrailArn),
            Is.EqualTo(MockAws.TrailArn(TrailName)));
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(_run.Stack.AuditTrailBucketName),
            Is.EqualTo(TrailBucket));
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(_run.Stack.AuditTrailLogGroupName),
            Is.EqualTo("/aws/cloudtrail/" + TrailName));
    }

    [Test]
    public async Task Without_audit_trail_there_is_no_trail_and_nothing_of_it()
    {
        var run = await StackRun.WithDefaults().RunAsync();

        Assert.That(run.OfType(ResourceTypes.Trail), Is.Empty);
        Assert.That(run.OfType(ResourceTypes.LogMetricFilter), Is.Empty);
        Assert.That(run.OfType(ResourceTypes.Bucket).Select(b => b.String("bucket")), Has.None.EqualTo(TrailBucket));
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(run.Stack.AuditTrailArn), Is.Empty);
        Assert.That(run.Mocks.Calls.Select(call => call.Token), Has.Exactly(1).EqualTo(PipelineMocks.RegionToken),
            "the region is looked up once, for the dashboard and the policies alike");
    }

    [Test]
    public void The_trail_is_created_after_its_bucket_policy_and_delivery_role_policy()
    {
        // Registration order stands in for dependency order: the mocks register a resource once its inputs resolve.
        var order = _run.Mocks.Registered.Select(r => r.Name).ToList();

        Assert.That(order.IndexOf("audit-trail-trail"), Is.GreaterThan(order.IndexOf("audit-trail-tls-only-policy")));
        Assert.That(order.IndexOf("audit-trail-trail"), Is.GreaterThan(order.IndexOf("audit-trail-policy")));
    }
}
