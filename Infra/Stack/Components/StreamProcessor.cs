using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;

namespace OrdersPipeline.Infra.Components;

/// <summary>Inputs of <see cref="StreamProcessor"/>. Mapping defaults mirror <see cref="PipelineDefaults"/>.</summary>
public sealed record StreamProcessorArgs
{
    public required string FunctionName { get; init; }
    public required string RoleName { get; init; }
    public required string PolicyName { get; init; }
    public required Archive Code { get; init; }
    public required Output<string> StreamArn { get; init; }
    public required Output<string> BucketName { get; init; }
    public required Output<string> BucketArn { get; init; }
    public required Output<string> DeadLetterQueueArn { get; init; }

    public string Architecture { get; init; } = PipelineDefaults.Architecture.ToAwsName();
    public int MemoryMb { get; init; } = PipelineDefaults.ProcessorMemoryMb;
    public int TimeoutSeconds { get; init; } = PipelineDefaults.ProcessorTimeoutSeconds;
    public int MaxConcurrency { get; init; } = PipelineDefaults.ProcessorMaxConcurrency;
    public int LogRetentionDays { get; init; } = PipelineDefaults.LogRetentionDays;
    public int BatchSize { get; init; } = PipelineDefaults.BatchSize;
    public int MaxBatchingWindowSeconds { get; init; } = PipelineDefaults.MaxBatchingWindowSeconds;
    public int MaxRetryAttempts { get; init; } = PipelineDefaults.MaxRetryAttempts;
    public int MaxRecordAgeSeconds { get; init; } = PipelineDefaults.MaxRecordAgeSeconds;
    public int ParallelizationFactor { get; init; } = PipelineDefaults.ParallelizationFactor;
}

/// <summary>The processor function, its least-privilege role and log group, and the stream mapping that feeds it
/// (partial batch failures, bisect on error, failed batches to the dead-letter queue).</summary>
public sealed class StreamProcessor : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:processing:StreamProcessor";

    // Defaults of this component.
    public const string StartingPosition = "TRIM_HORIZON";
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";
    public const string TracingMode = "Active";

    public StreamProcessor(
        string name, StreamProcessorArgs args, ProviderResource provider, ComponentResourceOptions? options = null)
        : base(TypeToken, name, provider, options)
    {
        var execution = new LambdaExecution(
            this, name, args.RoleName, ResourceNames.LogGroupOf(args.FunctionName), args.LogRetentionDays);

        var policy = execution.AttachInlinePolicy(
            args.PolicyName,
            Output.All(args.StreamArn, args.BucketArn, args.DeadLetterQueueArn, execution.LogGroup.Arn)
                .Apply(arns => PolicyDocuments.ProcessorPolicy(arns[0], arns[1], arns[2], arns[3])));

        var tracing = new RolePolicyAttachment($"{name}-tracing", new RolePolicyAttachmentArgs
        {
            Role = execution.Role.Name,
            PolicyArn = PolicyDocuments.TracingManagedPolicyArn,
        }, ChildOptions());

        var variables = new InputMap<string> { { FunctionEnvironment.BucketName, args.BucketName } };
        foreach (var (key, value) in FunctionEnvironment.ProcessorStatic(args.MaxConcurrency))
        {
            variables.Add(key, value);
        }

        var function = new Function($"{name}-function", new FunctionArgs
        {
            Name = args.FunctionName,
            Role = execution.Role.Arn,
            Runtime = PipelineDefaults.LambdaRuntime,
            Handler = FunctionsPackage.ProcessorHandler,
            Code = args.Code,
            Architectures = { args.Architecture },
            MemorySize = args.MemoryMb,
            Timeout = args.TimeoutSeconds,
            TracingConfig = new FunctionTracingConfigArgs { Mode = TracingMode },
            Environment = new FunctionEnvironmentArgs { Variables = variables },
        }, ChildOptions(policy, execution.LogGroup, tracing));

        // The mapping is refused until the role may read the stream, so it waits for the policy.
        var mapping = new EventSourceMapping($"{name}-stream-mapping", new EventSourceMappingArgs
        {
            EventSourceArn = args.StreamArn,
            FunctionName = function.Name,
            StartingPosition = StartingPosition,
            BatchSize = args.BatchSize,
            MaximumBatchingWindowInSeconds = args.MaxBatchingWindowSeconds,
            BisectBatchOnFunctionError = true,
            MaximumRetryAttempts = args.MaxRetryAttempts,
            MaximumRecordAgeInSeconds = args.MaxRecordAgeSeconds,
            ParallelizationFactor = args.ParallelizationFactor,
            FunctionResponseTypes = { ReportBatchItemFailures },
            FilterCriteria = new EventSourceMappingFilterCriteriaArgs
            {
                Filters =
                {
                    new EventSourceMappingFilterCriteriaFilterArgs
                    {
                        Pattern = StreamFilters.InsertAndModifyPattern(),
                    },
                },
            },
            DestinationConfig = new EventSourceMappingDestinationConfigArgs
            {
                OnFailure = new EventSourceMappingDestinationConfigOnFailureArgs
                {
                    DestinationArn = args.DeadLetterQueueArn,
                },
            },
        }, ChildOptions(policy));

        FunctionName = function.Name;
        FunctionArn = function.Arn;
        RoleArn = execution.Role.Arn;
        LogGroupName = execution.LogGroup.Name;
        MappingId = mapping.Uuid;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["functionName"] = FunctionName,
            ["functionArn"] = FunctionArn,
            ["roleArn"] = RoleArn,
            ["logGroupName"] = LogGroupName,
            ["mappingId"] = MappingId,
        });
    }

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
}
