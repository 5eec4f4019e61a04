using NUnit.Framework;
using OrdersPipeline.Infra.Definitions;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests.Threat;

/// <summary><c>configRules: true</c>: each managed rule is scoped to the resource the stack really made; with
/// <c>configRecorder: true</c> the recorder, its role, the history bucket and delivery channel exist too.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ComplianceRulesTests
{
    private const string HistoryBucket = "dev-config-history-123456789012-backend";
    private const string Recorder = "dev-config-recorder-backend";
    private StackRun _rules = null!;
    private StackRun _recorder = null!;

    [OneTimeSetUp]
    public async Task RunStacks()
    {
        _rules = await StackRun.WithDefaults().With("configRules", "true").With("configRecorder", "false").RunAsync();
        _recorder = await StackRun.WithIngest().With("configRules", "true").With("configRecorder", "true")
            .With("guardDuty", "true").With("auditTrail", "true").With("encryption", "customer-key").RunAsync();
    }

    private static IEnumerable<(string Name, string Identifier, string? Type, string? Id, string? Frequency)> Rules(
        StackRun run) => run.OfType(ResourceTypes.ConfigRule).Select(rule =>
    {
        var source = rule.Object("source");
        var scope = rule.Has("scope") ? rule.Object("scope") : null;
        Assert.That(source["owner"], Is.EqualTo("AWS"));
        return (rule.String("name"), (string)source["sourceIdentifier"]!,
            scope is null ? null : (string?)RegisteredResource.AsList(scope["complianceResourceTypes"]).Single(),
            scope is null ? null : (string?)scope["complianceResourceId"],
            rule.Has("maximumExecutionFrequency") ? rule.String("maximumExecutionFrequency") : null);
    });

    [Test]
    public void Each_rule_checks_the_resource_the_stack_made()
    {
        const string processed = "dev-processed-data-123456789012-backend";
        const string logs = "dev-access-logs-123456789012-backend";

        Assert.That(Rules(_rules), Is.EquivalentTo(new (string, string, string?, string?, string?)[]
        {
            ("dev-s3-encryption-processed-data-backend", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "AWS::S3::Bucket", processed, null),
            ("dev-s3-public-read-prohibited-processed-data-backend", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "AWS::S3::Bucket", processed, null),
            ("dev-s3-ssl-only-processed-data-backend", "S3_BUCKET_SSL_REQUESTS_ONLY", "AWS::S3::Bucket", processed, null),
            ("dev-s3-encryption-access-logs-backend", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "AWS::S3::Bucket", logs, null),
            ("dev-s3-public-read-prohibited-access-logs-backend", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "AWS::S3::Bucket", logs, null),
            ("dev-s3-ssl-only-access-logs-backend", "S3_BUCKET_SSL_REQUESTS_ONLY", "AWS::S3::Bucket", logs, null),
            ("dev-dynamodb-pitr-orders-table-backend", "DYNAMODB_PITR_ENABLED", "AWS::DynamoDB::Table", "dev-orders-table-backend", null),
            ("dev-dynamodb-pitr-audit-table-backend", "DYNAMODB_PITR_ENABLED", "AWS::DynamoDB::Table", "dev-audit-table-backend", null),
            ("dev-lambda-public-access-prohibited-order-processor-backend", "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED",
                "AWS::Lambda::Function", "dev-order-processor-lambda-backend", null),
            ("dev-lambda-public-access-prohibited-audit-backend", "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED",
                "AWS::Lambda::Function", "dev-audit-lambda-backend", null),
        }));
    }

    [Test]
    public async Task The_rule_names_are_exported()
    {
        var exported = await OutputUtilities.GetValueAsync(_rules.Stack.ConfigRuleNames);

        Assert.That(exported, Is.EquivalentTo(Rules(_rules).Select(rule => rule.Name)));
    }

    [Test]
    public void Without_a_recorder_the_rules_use_the_accounts_and_the_stack_makes_none()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_rules.OfType(ResourceTypes.ConfigRecorder).Concat(_rules.OfType(ResourceTypes.DeliveryChannel))
                .Concat(_rules.OfType(ResourceTypes.RecorderStatus)), Is.Empty);
            Assert.That(_rules.OfType(ResourceTypes.Bucket).Select(b => b.String("bucket")), Has.None.EqualTo(HistoryBucket));
            Assert.That(_rules.OfType(ResourceTypes.Role).Select(r => r.String("name")), Has.None.Contain("config"));
        });
    }

    [Test]
    public void Every_resource_of_a_full_stack_is_checked_with_the_trail_and_key_rotation_rules_periodic()
    {
        var rules = Rules(_recorder).ToArray();
        var checkedIds = rules.Where(rule => rule.Id is not null).Select(rule => rule.Id).Distinct();
        var buckets = _recorder.OfType(ResourceTypes.Bucket).Select(bucket => bucket.String("bucket"));
        var tables = _recorder.OfType(ResourceTypes.Table).Select(table => table.String("name"));
        var functions = _recorder.OfType(ResourceTypes.Function).Select(function => function.String("name"));

        Assert.Multiple(() =>
        {
            Assert.That(checkedIds, Is.EquivalentTo(buckets.Concat(tables).Concat(functions)));
            Assert.That(rules.Where(rule => rule.Id is null), Is.EquivalentTo(new[]
            {
                ("dev-cloudtrail-enabled-backend", "CLOUD_TRAIL_ENABLED", (string?)null, (string?)null,
                    (string?)"TwentyFour_Hours"),
                ("dev-kms-key-rotation-backend", "CMK_BACKING_KEY_ROTATION_ENABLED", null, null, "TwentyFour_Hours"),
            }));
            Assert.That(rules, Has.Length.EqualTo(5 * 3 + 3 + 5 + 2));
        });
    }

    [Test]
    public void The_recorder_records_only_the_rules_resource_types_with_its_own_role()
    {
        var recorder = _recorder.Single(ResourceTypes.ConfigRecorder, Recorder);
        var group = recorder.Object("recordingGroup");

        Assert.Multiple(() =>
        {
            Assert.That(recorder.String("roleArn"), Is.EqualTo(MockAws.RoleArn("dev-config-recorder-role-backend")));
            Assert.That(group["allSupported"], Is.EqualTo(false));
            Assert.That(group.ContainsKey("includeGlobalResourceTypes"), Is.False, "it requires allSupported");
            Assert.That(RegisteredResource.AsList(group["resourceTypes"]), Is.EqualTo(new[]
            {
                "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Lambda::Function", "AWS::KMS::Key",
            }));
            Assert.That(RegisteredResource.AsObject(RegisteredResource.AsList(group["recordingStrategies"]).Single())["useOnly"],
                Is.EqualTo("INCLUSION_BY_RESOURCE_TYPES"));
        });
    }

    [Test]
    public void The_recorder_role_is_configs_for_this_account_with_the_managed_policy_and_delivery_only()
    {
        var role = _recorder.Single(ResourceTypes.Role, "dev-config-recorder-role-backend");
        var attachments = _recorder.OfType(ResourceTypes.RolePolicyAttachment)
            .Where(attachment => attachment.String("role") == "dev-config-recorder-role-backend")
            .Select(attachment => attachment.String("policyArn"));
        var policy = _recorder.Single(ResourceTypes.RolePolicy, "dev-config-recorder-policy-backend");

        Assert.Multiple(() =>
        {
            Assert.That(role.String("assumeRolePolicy"), Is.EqualTo(PolicyDocuments.ConfigTrustPolicy(MockAws.AccountId)));
            Assert.That(attachments, Is.EqualTo(new[] { "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole" }));
            Assert.That(policy.String("policy"), Is.EqualTo(PolicyDocuments.RolePolicy(PolicyDocuments.WithStackKey(
                PolicyDocuments.ConfigDeliveryStatements(MockAws.BucketArn(HistoryBucket), MockAws.AccountId),
                MockAws.KeyArn("encryption-key")))));
        });
    }

    [Test]
    public void The_history_bucket_is_a_secure_bucket_with_configs_delivery_policy()
    {
        var policy = _recorder.Single(ResourceTypes.BucketPolicy, HistoryBucket);
        var logging = _recorder.OfType(ResourceTypes.BucketLogging).Single(l => l.String("bucket") == HistoryBucket);

        Assert.Multiple(() =>
        {
            Assert.That(policy.String("policy"),
                Is.EqualTo(BucketPolicies.ConfigHistoryBucket(MockAws.BucketArn(HistoryBucket), MockAws.AccountId)));
            Assert.That(_recorder.OfType(ResourceTypes.BucketPublicAccessBlock).Count(b => b.String("bucket") == HistoryBucket),
                Is.EqualTo(1));
            Assert.That(_recorder.OfType(ResourceTypes.BucketEncryption).Count(b => b.String("bucket") == HistoryBucket),
                Is.EqualTo(1));
            Assert.That(logging.String("targetPrefix"), Is.EqualTo("config-history/"));
            Assert.That(_recorder.Single(ResourceTypes.BucketPolicy, "dev-access-logs-123456789012-backend").String("policy"),
                Does.Contain($"\"Resource\":\"{MockAws.BucketArn("dev-access-logs-123456789012-backend")}/config-history/*\"")
                    .And.Contain($"\"aws:SourceArn\":[\"{MockAws.BucketArn(HistoryBucket)}\"]"));
        });
    }

    [Test]
    public void The_delivery_channel_writes_to_the_history_bucket_with_the_stack_key_and_recording_is_on()
    {
        var channel = _recorder.Single(ResourceTypes.DeliveryChannel, "dev-config-delivery-backend");
        var status = _recorder.Single(ResourceTypes.RecorderStatus, Recorder);

        Assert.Multiple(() =>
        {
            Assert.That((channel.String("s3BucketName"), channel.String("s3KmsKeyArn")),
                Is.EqualTo((HistoryBucket, MockAws.KeyArn("encryption-key"))));
            Assert.That(channel.Has("s3KeyPrefix"), Is.False, "the bucket policy names AWSLogs/ at the root");
            Assert.That(status.Bool("isEnabled"), Is.True);
        });
    }

    [Test]
    public void With_a_recorder_the_key_lets_config_encrypt_what_it_delivers()
    {
        Assert.That(_recorder.Single(ResourceTypes.Key).String("policy"),
            Does.Contain("\"Sid\":\"ConfigDeliveryToHistoryBucket\""));
    }
}
