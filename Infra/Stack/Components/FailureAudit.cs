using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.DynamoDB.Inputs;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Sqs;

namespace OrdersPipeline.Infra.Components;

/// <summary>Where failed stream batches go: the dead-letter queue (redriving to a second queue after repeated
/// receives), the audit table, and the audit function that turns each failure record into an audit row.</summary>
public sealed class FailureAudit : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:audit:FailureAudit";
    public const string ProjectionType = "ALL";

    public FailureAudit(string name, StackContext context, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var (config, names) = (context.Config, context.Names);
        var timeoutSeconds = config.Get(ConfigSchema.AuditTimeoutSeconds);
        var protect = config.Get(ConfigSchema.Protect);

        // The redrive queue keeps messages longer than the dead-letter queue that moves them there
        // (QueueRules.DeadLetterRetentionSeconds): SQS keeps a moved message's first enqueue time.
        RedriveQueue = QueueDefaults.Create(this, $"{name}-redrive-queue",
            QueueDefaults.Secure(names.RedriveQueue, context.KeyArn, QueueRules.RedriveRetentionSeconds));

        var deadLetterArgs = QueueDefaults.Secure(names.DeadLetterQueue, context.KeyArn,
            QueueRules.DeadLetterRetentionSeconds);
        deadLetterArgs.VisibilityTimeoutSeconds = QueueRules.VisibilityTimeoutFor(timeoutSeconds);
        deadLetterArgs.RedrivePolicy = RedriveQueue.Arn.Apply(arn => QueueRules.RedrivePolicy(arn));
        DeadLetterQueue = QueueDefaults.Create(this, $"{name}-dlq", deadLetterArgs);

        var tableArgs = TableDefaults.Secure(names.AuditTable, protect, context.KeyArn);
        tableArgs.HashKey = PipelineDefaults.AuditTableHashKey;
        tableArgs.RangeKey = PipelineDefaults.AuditTableRangeKey;
        tableArgs.Attributes.Add(TableDefaults.StringAttribute(PipelineDefaults.AuditTableHashKey));
        tableArgs.Attributes.Add(TableDefaults.StringAttribute(PipelineDefaults.AuditTableRangeKey));
        tableArgs.Attributes.Add(TableDefaults.StringAttribute(PipelineDefaults.AuditFailureTypeAttribute));
        tableArgs.GlobalSecondaryIndexes.Add(new TableGlobalSecondaryIndexArgs
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
        });
        Table = new Table($"{name}-table", tableArgs, ChildOptions(protect: protect));

        Function = new LambdaFunction(this, name, new LambdaFunctionSpec
        {
            FunctionName = names.AuditFunction,
            RoleName = names.AuditRole,
            PolicyName = names.AuditPolicy,
            Handler = Handlers.Audit,
            MemoryMb = PipelineDefaults.AuditMemoryMb,
            TimeoutSeconds = timeoutSeconds,
            Policy = logGroupArn => Output.All(Table.Arn, DeadLetterQueue.Arn, logGroupArn)
                .Apply(arns => PolicyDocuments.AuditStatements(arns[0], arns[1], arns[2])),
            Environment = { { AuditEnvironment.AuditTableName.Name, Table.Name } },
        });

        Mapping = new EventSourceMapping($"{name}-dlq-mapping", new EventSourceMappingArgs
        {
            EventSourceArn = DeadLetterQueue.Arn,
            FunctionName = Function.Function.Name,
            BatchSize = PipelineDefaults.AuditBatchSize,
            FunctionResponseTypes = { FunctionDefaults.ReportBatchItemFailures },
        }, ChildOptions(Function.Policy));

        RegisterOutputs();
    }

    public Queue DeadLetterQueue { get; }

    public Queue RedriveQueue { get; }

    public Table Table { get; }

    public LambdaFunction Function { get; }

    public EventSourceMapping Mapping { get; }
}
