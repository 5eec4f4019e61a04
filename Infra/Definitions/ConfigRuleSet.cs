namespace OrdersPipeline.Infra.Definitions;

/// <summary>A resource of this stack that an AWS Config rule checks; the stack fills in its AWS Config resource id
/// (the bucket, table or function name).</summary>
public enum ComplianceTarget
{
    ProcessedBucket,
    AccessLogBucket,
    DropBucket,
    AuditTrailBucket,
    ConfigHistoryBucket,
    OrdersTable,
    AuditTable,
    IngestLogTable,
    ProcessorFunction,
    AuditFunction,
    HttpIngestFunction,
    FileIngestFunction,
    RemediationFunction,
}

/// <summary>One AWS Config managed rule. A rule with a <see cref="Target"/> is scoped to that one resource
/// (<see cref="ResourceType"/> plus its id); a periodic rule without one evaluates the account.</summary>
public sealed record ConfigRuleDefinition(
    string Name,
    string Identifier,
    string Description,
    ComplianceTarget? Target,
    string? ResourceType,
    string? MaximumExecutionFrequency);

/// <summary>The AWS Config managed rules of <c>configRules: true</c>, one per control and resource of this stack.
/// No tag names this stack alone (Environment, Team and Project are each shared with other stacks), and Config
/// scopes a rule by resource types, by one tag, or by one resource type and one resource id; so each
/// configuration-change rule is scoped to exactly one resource by id. The CloudTrail and KMS rotation rules are
/// periodic and evaluate the account (every trail, every customer-managed key), which is what they can do.</summary>
public static class ConfigRuleSet
{
    public const string ManagedRuleOwner = "AWS";
    public const string S3Bucket = "AWS::S3::Bucket";
    public const string DynamoDbTable = "AWS::DynamoDB::Table";
    public const string LambdaFunction = "AWS::Lambda::Function";
    public const string KmsKey = "AWS::KMS::Key";
    public const string DailyEvaluation = "TwentyFour_Hours";

    private sealed record Control(string Label, string Identifier, string Description);

    private static readonly Control[] BucketControls =
    [
        new("s3-encryption", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
            "The bucket has default server-side encryption."),
        new("s3-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED",
            "The bucket does not allow public read access."),
        new("s3-ssl-only", "S3_BUCKET_SSL_REQUESTS_ONLY", "The bucket policy refuses requests without TLS."),
    ];

    private static readonly Control TableControl =
        new("dynamodb-pitr", "DYNAMODB_PITR_ENABLED", "The table has point-in-time recovery.");

    private static readonly Control FunctionControl = new("lambda-public-access-prohibited",
        "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED", "The function's resource policy allows no public invocation.");

    private static readonly Control TrailControl = new("cloudtrail-enabled", "CLOUD_TRAIL_ENABLED",
        "The account has a CloudTrail trail (the stack's audit trail).");

    private static readonly Control KeyRotationControl = new("kms-key-rotation", "CMK_BACKING_KEY_ROTATION_ENABLED",
        "Every customer-managed KMS key of the account, the stack key included, rotates yearly.");

    /// <summary>The resources of this stack that exist with this config, with what Config calls their type.</summary>
    public static IReadOnlyList<(ComplianceTarget Target, string Label, string ResourceType)> Targets(StackConfig config)
    {
        var parts = config.Parts;
        var fileIngest = parts.FileIngest;
        var targets = new List<(ComplianceTarget, string, string)>
        {
            (ComplianceTarget.ProcessedBucket, "processed-data", S3Bucket),
            (ComplianceTarget.AccessLogBucket, "access-logs", S3Bucket),
        };
        if (fileIngest)
        {
            targets.Add((ComplianceTarget.DropBucket, "order-drop", S3Bucket));
        }

        if (parts.AuditTrail)
        {
            targets.Add((ComplianceTarget.AuditTrailBucket, "audit-trail", S3Bucket));
        }

        if (parts.ConfigRecorder)
        {
            targets.Add((ComplianceTarget.ConfigHistoryBucket, "config-history", S3Bucket));
        }

        targets.Add((ComplianceTarget.OrdersTable, "orders-table", DynamoDbTable));
        targets.Add((ComplianceTarget.AuditTable, "audit-table", DynamoDbTable));
        if (fileIngest)
        {
            targets.Add((ComplianceTarget.IngestLogTable, "ingest-log", DynamoDbTable));
        }

        targets.Add((ComplianceTarget.ProcessorFunction, "order-processor", LambdaFunction));
        targets.Add((ComplianceTarget.AuditFunction, "audit", LambdaFunction));
        if (parts.HttpIngest)
        {
            targets.Add((ComplianceTarget.HttpIngestFunction, "http-ingest", LambdaFunction));
        }

        if (fileIngest)
        {
            targets.Add((ComplianceTarget.FileIngestFunction, "file-ingest", LambdaFunction));
        }

        if (parts.GuardDuty)
        {
            targets.Add((ComplianceTarget.RemediationFunction, "remediation", LambdaFunction));
        }

        return targets;
    }

    /// <summary>Every rule for this config; empty with <c>configRules: false</c>.</summary>
    public static IReadOnlyList<ConfigRuleDefinition> For(StackConfig config)
    {
        var parts = config.Parts;
        if (!parts.ConfigRules)
        {
            return [];
        }

        var names = config.Names;
        var rules = new List<ConfigRuleDefinition>();
        foreach (var (target, label, resourceType) in Targets(config))
        {
            var controls = resourceType switch
            {
                S3Bucket => BucketControls,
                DynamoDbTable => [TableControl],
                _ => new[] { FunctionControl },
            };
            rules.AddRange(controls.Select(control => new ConfigRuleDefinition(
                names.ConfigRule(control.Label, label), control.Identifier, control.Description, target, resourceType,
                null)));
        }

        if (parts.AuditTrail)
        {
            rules.Add(Periodic(names, TrailControl));
        }

        if (parts.CreatesKey)
        {
            rules.Add(Periodic(names, KeyRotationControl));
        }

        return rules;
    }

    /// <summary>What the recorder (<c>configRecorder: true</c>) records: the types the rules evaluate, no more
    /// (every recorded change is a billed configuration item).</summary>
    public static IReadOnlyList<string> RecordedResourceTypes(StackConfig config)
    {
        var rules = For(config);
        var types = rules.Where(rule => rule.ResourceType is not null).Select(rule => rule.ResourceType!).Distinct();
        return rules.Any(rule => rule.Identifier == KeyRotationControl.Identifier) ? [.. types, KmsKey] : [.. types];
    }

    private static ConfigRuleDefinition Periodic(ResourceNames names, Control control) =>
        new(names.ConfigRule(control.Label, null), control.Identifier, control.Description, null, null, DailyEvaluation);
}
