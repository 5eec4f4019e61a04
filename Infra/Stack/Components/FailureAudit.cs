using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.DynamoDB.Inputs;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;
using Pulumi.Aws.Sqs;

namespace OrdersPipeline.Infra.Components;

/// <summary>Inputs of <see cref="FailureAudit"/>.</summary>
public sealed record FailureAuditArgs
{
    public required string DeadLetterQueueName { get; init; }
    public required string RedriveQueueName { get; init; }
    public required string AuditTableName { get; init; }
    public required string FunctionName { get; init; }
    public required string RoleName { get; init; }
    public required string PolicyName { get; init; }
    public required Archive Code { get; init; }

    public string Architecture { get; init; } = PipelineDefaults.Architecture.ToAwsName();
    public int TimeoutSeconds { get; init; } = PipelineDefaults.AuditTimeoutSeconds;
    public int MemoryMb { get; init; } = PipelineDefaults.AuditMemoryMb;
    public int LogRetentionDays { get; init; } = PipelineDefaults.LogRetentionDays;
    public bool Protect { get; init; } = PipelineDefaults.Protect;
}

/// <summary>Where failed stream batches go: the dead-letter queue (redriving to a second queue after repeated
/// receives), the audit table, and the audit function that turns each failure record into an audit row.</summary>
public sealed class FailureAudit : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:audit:FailureAudit";

    // Defaults of this component.
    public const string BillingMode = "PAY_PER_REQUEST";
    public const string ProjectionType = "ALL";
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";
    private const string StringAttribute = "S";

    public FailureAudit(
        string name, FailureAuditArgs args, ProviderResource provider, ComponentResourceOptions? options = null)
        : base(TypeToken, name, provider, options)
    {
        var redriveQueue = new Queue($"{name}-redrive-queue", new QueueArgs
        {
            Name = args.RedriveQueueName,
            SqsManagedSseEnabled = true,
            MessageRetentionSeconds = PipelineDefaults.QueueMessageRetentionSeconds,
        }, ChildOptions());

        var deadLetterQueue = new Queue($"{name}-dlq", new QueueArgs
        {
            Name = args.DeadLetterQueueName,
            SqsManagedSseEnabled = true,
            MessageRetentionSeconds = PipelineDefaults.QueueMessageRetentionSeconds,
            VisibilityTimeoutSeconds = QueueRules.VisibilityTimeoutFor(args.TimeoutSeconds),
            RedrivePolicy = redriveQueue.Arn.Apply(arn => QueueRules.RedrivePolicy(arn)),
        }, ChildOptions());

        RequireTls($"{name}-dlq", deadLetterQueue);
        RequireTls($"{name}-redrive-queue", redriveQueue);

        var table = new Table($"{name}-table", new TableArgs
        {
            Name = args.AuditTableName,
            BillingMode = BillingMode,
            HashKey = PipelineDefaults.AuditTableHashKey,
            RangeKey = PipelineDefaults.AuditTableRangeKey,
            Attributes =
            {
                new TableAttributeArgs { Name = PipelineDefaults.AuditTableHashKey, Type = StringAttribute },
                new TableAttributeArgs { Name = PipelineDefaults.AuditTableRangeKey, Type = StringAttribute },
                new TableAttributeArgs { Name = PipelineDefaults.AuditFailureTypeAttribute, Type = StringAttribute },
            },
            GlobalSecondaryIndexes =
            {
                new TableGlobalSecondaryIndexArgs
                {
                    Name = PipelineDefaults.AuditFailureTypeIndex,
                    KeySchemas =
                    {
                        new TableGlobalSecondaryIndexKeySchemaArgs
                        {
                            AttributeName = PipelineDefaults.AuditFailureTypeAttribute,
                            KeyType = "HASH",
                        },
                        new TableGlobalSecondaryIndexKeySchemaArgs
                        {
                            AttributeName = PipelineDefaults.AuditTableRangeKey,
                            KeyType = "RANGE",
                        },
                    },
                    ProjectionType = ProjectionType,
                },
            },
            PointInTimeRecovery = new TablePointInTimeRecoveryArgs { Enabled = true },
            ServerSideEncryption = new TableServerSideEncryptionArgs { Enabled = true },
            DeletionProtectionEnabled = args.Protect,
        }, ChildOptions(protect: args.Protect));

        var execution = new LambdaExecution(
            this, name, args.RoleName, ResourceNames.LogGroupOf(args.FunctionName), args.LogRetentionDays);

        var policy = execution.AttachInlinePolicy(
            args.PolicyName,
            Output.All(table.Arn, deadLetterQueue.Arn, execution.LogGroup.Arn)
                .Apply(arns => PolicyDocuments.AuditPolicy(arns[0], arns[1], arns[2])));

        var function = new Function($"{name}-function", new FunctionArgs
        {
            Name = args.FunctionName,
            Role = execution.Role.Arn,
            Runtime = PipelineDefaults.LambdaRuntime,
            Handler = FunctionsPackage.AuditHandler,
            Code = args.Code,
            Architectures = { args.Architecture },
            MemorySize = args.MemoryMb,
            Timeout = args.TimeoutSeconds,
            Environment = new FunctionEnvironmentArgs
            {
                Variables = { { FunctionEnvironment.AuditTableName, table.Name } },
            },
        }, ChildOptions(policy, execution.LogGroup));

        var mapping = new EventSourceMapping($"{name}-dlq-mapping", new EventSourceMappingArgs
        {
            EventSourceArn = deadLetterQueue.Arn,
            FunctionName = function.Name,
            BatchSize = PipelineDefaults.AuditBatchSize,
            FunctionResponseTypes = { ReportBatchItemFailures },
        }, ChildOptions(policy));

        DeadLetterQueueName = deadLetterQueue.Name;
        DeadLetterQueueUrl = deadLetterQueue.Url;
        DeadLetterQueueArn = deadLetterQueue.Arn;
        RedriveQueueName = redriveQueue.Name;
        RedriveQueueUrl = redriveQueue.Url;
        RedriveQueueArn = redriveQueue.Arn;
        AuditTableName = table.Name;
        AuditTableArn = table.Arn;
        FunctionName = function.Name;
        FunctionArn = function.Arn;
        RoleArn = execution.Role.Arn;
        LogGroupName = execution.LogGroup.Name;
        MappingId = mapping.Uuid;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["deadLetterQueueName"] = DeadLetterQueueName,
            ["deadLetterQueueUrl"] = DeadLetterQueueUrl,
            ["deadLetterQueueArn"] = DeadLetterQueueArn,
            ["redriveQueueName"] = RedriveQueueName,
            ["redriveQueueUrl"] = RedriveQueueUrl,
            ["redriveQueueArn"] = RedriveQueueArn,
            ["auditTableName"] = AuditTableName,
            ["auditTableArn"] = AuditTableArn,
            ["functionName"] = FunctionName,
            ["functionArn"] = FunctionArn,
            ["roleArn"] = RoleArn,
            ["logGroupName"] = LogGroupName,
            ["mappingId"] = MappingId,
        });
    }

    [Output("deadLetterQueueName")]
    public Output<string> DeadLetterQueueName { get; }

    [Output("deadLetterQueueUrl")]
    public Output<string> DeadLetterQueueUrl { get; }

    [Output("deadLetterQueueArn")]
    public Output<string> DeadLetterQueueArn { get; }

    [Output("redriveQueueName")]
    public Output<string> RedriveQueueName { get; }

    [Output("redriveQueueUrl")]
    public Output<string> RedriveQueueUrl { get; }

    [Output("redriveQueueArn")]
    public Output<string> RedriveQueueArn { get; }

    [Output("auditTableName")]
    public Output<string> AuditTableName { get; }

    [Output("auditTableArn")]
    public Output<string> AuditTableArn { get; }

    [Output("functionName")]
    public Output<string> FunctionName { get; }

    [Output("functionArn")]
    public Output<string> FunctionArn { get; }

    [Output("roleArn")]
    public Output<string> RoleArn { get; }

    [Output("logGroupName")]
    public Output<string> LogGroupName { get; }

    [Output("mappingId")]
    public Output<string> MappingId { get; }

    private void RequireTls(string name, Queue queue) =>
        _ = new QueuePolicy($"{name}-tls-only-policy", new QueuePolicyArgs
        {
            QueueUrl = queue.Url,
            Policy = queue.Arn.Apply(arn => PolicyDocuments.TlsOnlyQueuePolicy(arn)),
        }, ChildOptions());
}
