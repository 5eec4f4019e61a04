using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;
using Pulumi.Aws.S3;
using Pulumi.Aws.Sqs;

namespace OrdersPipeline.Infra.Components;

/// <summary>What the processor reads from, writes to, and sends failed batches to.</summary>
public sealed record StreamProcessorArgs(Table OrdersTable, Bucket ProcessedBucket, Queue DeadLetterQueue);

/// <summary>The processor function (see <see cref="LambdaFunction"/>) and the stream mapping that feeds it: INSERT
/// and MODIFY only, partial batch failures, bisect on error, failed batches to the dead-letter queue.</summary>
public sealed class StreamProcessor : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:processing:StreamProcessor";
    public const string StartingPosition = "TRIM_HORIZON";

    public StreamProcessor(
        string name, StackContext context, StreamProcessorArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var (config, names) = (context.Config, context.Names);
        var streamArn = args.OrdersTable.StreamArn;

        var environment = new InputMap<string>
        {
            { ProcessorEnvironment.BucketName.Name, args.ProcessedBucket.BucketName },
        };
        var conditionalWrites = config.Get(ConfigSchema.ProcessorConditionalWrites);
        foreach (var (key, value) in FunctionEnvironment.Processor(
            config.Get(ConfigSchema.ProcessorMaxConcurrency), conditionalWrites)
                     .Concat(FunctionEnvironment.CardNumbers(config)))
        {
            environment.Add(key, value);
        }

        Function = new LambdaFunction(this, name, new LambdaFunctionSpec
        {
            FunctionName = names.ProcessorFunction,
            RoleName = names.ProcessorRole,
            PolicyName = names.ProcessorPolicy,
            Handler = Handlers.Processor,
            MemoryMb = config.Get(ConfigSchema.ProcessorMemoryMb),
            TimeoutSeconds = config.Get(ConfigSchema.ProcessorTimeoutSeconds),
            Policy = logGroupArn =>
                Output.All(streamArn, args.ProcessedBucket.Arn, args.DeadLetterQueue.Arn, logGroupArn)
                    .Apply(arns => PolicyDocuments.ProcessorStatements(arns[0], arns[1], arns[2], arns[3],
                        conditionalWrites)),
            Environment = environment,
        });

        // The mapping is refused until the role may read the stream, so it waits for the policy.
        Mapping = new EventSourceMapping($"{name}-stream-mapping", new EventSourceMappingArgs
        {
            EventSourceArn = streamArn,
            FunctionName = Function.Function.Name,
            StartingPosition = StartingPosition,
            BatchSize = config.Get(ConfigSchema.BatchSize),
            MaximumBatchingWindowInSeconds = config.Get(ConfigSchema.MaxBatchingWindowSeconds),
            BisectBatchOnFunctionError = true,
            MaximumRetryAttempts = config.Get(ConfigSchema.MaxRetryAttempts),
            MaximumRecordAgeInSeconds = config.Get(ConfigSchema.MaxRecordAgeSeconds),
            ParallelizationFactor = config.Get(ConfigSchema.ParallelizationFactor),
            FunctionResponseTypes = { FunctionDefaults.ReportBatchItemFailures },
            FilterCriteria = new EventSourceMappingFilterCriteriaArgs
            {
                Filters =
                {
                    new EventSourceMappingFilterCriteriaFilterArgs { Pattern = StreamFilters.InsertAndModifyPattern() },
                },
            },
            DestinationConfig = new EventSourceMappingDestinationConfigArgs
            {
                OnFailure = new EventSourceMappingDestinationConfigOnFailureArgs
                {
                    DestinationArn = args.DeadLetterQueue.Arn,
                },
            },
        }, ChildOptions(Function.Policy));

        RegisterOutputs();
    }

    public LambdaFunction Function { get; }

    public EventSourceMapping Mapping { get; }
}
