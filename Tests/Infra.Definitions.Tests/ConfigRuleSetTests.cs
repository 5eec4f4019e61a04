using NUnit.Framework;
using Row = (string Name, string Identifier, OrdersPipeline.Infra.Definitions.ComplianceTarget? Target, string? ResourceType,
    string? Frequency);

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>The exact AWS Config rules of each config, their scopes, the recorder's resource types, and the history
/// bucket's and recorder role's policies.</summary>
[TestFixture]
public sealed class ConfigRuleSetTests
{
    private const string Account = "123456789012";
    private const string Bucket = "arn:aws:s3:::dev-config-history-123456789012-backend";

    // The account's own recorder unless a test sets configRecorder true (configRules needs it set either way).
    private static ConfigFixture Core() =>
        new ConfigFixture().With("configRules", "true").With("configRecorder", "false").With("httpIngest", "false")
            .With("fileIngest", "false");

    private static IEnumerable<Row> Rows(StackConfig config) =>
        ConfigRuleSet.For(config).Select(rule =>
            (rule.Name, rule.Identifier, rule.Target, rule.ResourceType, rule.MaximumExecutionFrequency));

    private static Row[] Bucket3(string label, ComplianceTarget target) =>
    [
        ($"dev-s3-encryption-{label}-backend", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", target, "AWS::S3::Bucket", null),
        ($"dev-s3-public-read-prohibited-{label}-backend", "S3_BUCKET_PUBLIC_READ_PROHIBITED", target, "AWS::S3::Bucket",
            null),
        ($"dev-s3-ssl-only-{label}-backend", "S3_BUCKET_SSL_REQUESTS_ONLY", target, "AWS::S3::Bucket", null),
    ];

    private static Row Table(string label, ComplianceTarget target) =>
        ($"dev-dynamodb-pitr-{label}-backend", "DYNAMODB_PITR_ENABLED", target, "AWS::DynamoDB::Table", null);

    private static Row Function(string label, ComplianceTarget target) =>
        ($"dev-lambda-public-access-prohibited-{label}-backend", "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED", target,
            "AWS::Lambda::Function", null);

    [Test]
    public void The_core_stack_gets_one_rule_per_control_and_resource()
    {
        Assert.That(Rows(Core().Parse()), Is.EqualTo((Row[])
        [
            .. Bucket3("processed-data", ComplianceTarget.ProcessedBucket),
            .. Bucket3("access-logs", ComplianceTarget.AccessLogBucket),
            Table("orders-table", ComplianceTarget.OrdersTable),
            Table("audit-table", ComplianceTarget.AuditTable),
            Function("order-processor", ComplianceTarget.ProcessorFunction),
            Function("audit", ComplianceTarget.AuditFunction),
        ]));
    }

    [Test]
    public void The_trail_and_the_stack_key_add_their_periodic_account_rules_and_the_trail_bucket()
    {
        var config = Core().With("auditTrail", "true").With("encryption", "customer-key").Parse();

        Assert.That(Rows(config), Is.EqualTo((Row[])
        [
            .. Bucket3("processed-data", ComplianceTarget.ProcessedBucket),
            .. Bucket3("access-logs", ComplianceTarget.AccessLogBucket),
            .. Bucket3("audit-trail", ComplianceTarget.AuditTrailBucket),
            Table("orders-table", ComplianceTarget.OrdersTable),
            Table("audit-table", ComplianceTarget.AuditTable),
            Function("order-processor", ComplianceTarget.ProcessorFunction),
            Function("audit", ComplianceTarget.AuditFunction),
            ("dev-cloudtrail-enabled-backend", "CLOUD_TRAIL_ENABLED", null, null, "TwentyFour_Hours"),
            ("dev-kms-key-rotation-backend", "CMK_BACKING_KEY_ROTATION_ENABLED", null, null, "TwentyFour_Hours"),
        ]));
    }

    [Test]
    public void An_imported_key_gets_no_rotation_rule_since_the_stack_does_not_own_it()
    {
        var config = Core().With("encryption", "customer-key")
            .With("kmsKeyArn", "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-0000-1111-2222-333344445555").Parse();

        Assert.That(ConfigRuleSet.For(config).Select(rule => rule.Identifier),
            Has.None.EqualTo("CMK_BACKING_KEY_ROTATION_ENABLED"));
    }

    [Test]
    public void Every_door_the_remediation_function_and_the_history_bucket_get_their_rules()
    {
        var config = new ConfigFixture().With("configRules", "true").With("configRecorder", "true")
            .With("guardDuty", "true").Parse();

        Assert.That(Rows(config), Is.EqualTo((Row[])
        [
            .. Bucket3("processed-data", ComplianceTarget.ProcessedBucket),
            .. Bucket3("access-logs", ComplianceTarget.AccessLogBucket),
            .. Bucket3("order-drop", ComplianceTarget.DropBucket),
            .. Bucket3("config-history", ComplianceTarget.ConfigHistoryBucket),
            Table("orders-table", ComplianceTarget.OrdersTable),
            Table("audit-table", ComplianceTarget.AuditTable),
            Table("ingest-log", ComplianceTarget.IngestLogTable),
            Function("order-processor", ComplianceTarget.ProcessorFunction),
            Function("audit", ComplianceTarget.AuditFunction),
            Function("http-ingest", ComplianceTarget.HttpIngestFunction),
            Function("file-ingest", ComplianceTarget.FileIngestFunction),
            Function("remediation", ComplianceTarget.RemediationFunction),
        ]));
    }

    [Test]
    public void Without_config_rules_there_is_no_rule()
    {
        Assert.That(ConfigRuleSet.For(new ConfigFixture().With("auditTrail", "true").Parse()), Is.Empty);
    }

    [Test]
    public void The_recorder_records_only_the_types_the_rules_evaluate()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConfigRuleSet.RecordedResourceTypes(Core().With("configRecorder", "true").Parse()),
                Is.EqualTo(new[] { "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Lambda::Function" }));
            Assert.That(ConfigRuleSet.RecordedResourceTypes(Core().With("configRecorder", "true")
                    .With("encryption", "customer-key").Parse()),
                Is.EqualTo(new[] { "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Lambda::Function", "AWS::KMS::Key" }));
        });
    }

    [Test]
    public void The_history_bucket_policy_is_aws_configs_documented_delivery_policy_for_this_account()
    {
        var policy = PolicyJson.Parse(BucketPolicies.ConfigHistoryBucket(Bucket, Account));

        Assert.That(policy.Statements.Select(s => (s.Sid, s.Effect, s.Principal, string.Join(",", s.Actions),
            string.Join(",", s.Resources), s.Condition)), Is.EqualTo(new[]
        {
            ("ConfigBucketPermissionsCheck", "Allow", """{"Service":"config.amazonaws.com"}""", "s3:GetBucketAcl", Bucket,
                """{"StringEquals":{"aws:SourceAccount":"123456789012"}}"""),
            ("ConfigBucketExistenceCheck", "Allow", """{"Service":"config.amazonaws.com"}""", "s3:ListBucket", Bucket,
                """{"StringEquals":{"aws:SourceAccount":"123456789012"}}"""),
            ("ConfigBucketDelivery", "Allow", """{"Service":"config.amazonaws.com"}""", "s3:PutObject",
                $"{Bucket}/AWSLogs/123456789012/Config/*",
                """{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control","aws:SourceAccount":"123456789012"}}"""),
            ("DenyInsecureTransport", "Deny", "\"*\"", "s3:*", $"{Bucket},{Bucket}/*",
                """{"Bool":{"aws:SecureTransport":"false"}}"""),
        }));
    }

    [Test]
    public void The_recorder_role_is_trusted_by_config_for_this_account_and_delivers_to_its_prefix_only()
    {
        var trust = PolicyJson.Parse(PolicyDocuments.ConfigTrustPolicy(Account)).Statements.Single();
        var delivery = PolicyJson.Parse(PolicyDocuments.RolePolicy(PolicyDocuments.ConfigDeliveryStatements(Bucket, Account)));

        Assert.Multiple(() =>
        {
            Assert.That((trust.Principal, trust.Actions.Single(), trust.Condition), Is.EqualTo((
                """{"Service":"config.amazonaws.com"}""", "sts:AssumeRole",
                """{"StringEquals":{"aws:SourceAccount":"123456789012"}}""")));
            Assert.That(delivery.Statements.Select(s => (s.Sid, string.Join(",", s.Actions), string.Join(",", s.Resources))),
                Is.EqualTo(new[]
                {
                    ("CheckHistoryBucketAcl", "s3:GetBucketAcl", Bucket),
                    ("DeliverConfigurationHistory", "s3:PutObject", $"{Bucket}/AWSLogs/123456789012/Config/*"),
                }));
        });
    }

    [Test]
    public void The_history_bucket_logs_its_access_only_with_a_recorder()
    {
        var withRecorder = BucketPolicies.AccessLogSources(Core().With("configRecorder", "true").Parse(), Account);
        var without = BucketPolicies.AccessLogSources(Core().Parse(), Account);

        Assert.Multiple(() =>
        {
            Assert.That(withRecorder, Has.Member(new AccessLogSource("config-history",
                "dev-config-history-123456789012-backend")));
            Assert.That(without.Select(source => source.Prefix), Has.None.EqualTo("config-history"));
        });
    }
}
