using System.Collections.Immutable;
using OrdersPipeline.Infra.Components;
using OrdersPipeline.Infra.Definitions;
using Pulumi;

namespace OrdersPipeline.Infra;

/// <summary>The whole pipeline. Run by <c>pulumi up</c> (Program.cs) and inline by the Deployer
/// (<c>PulumiFn.Create&lt;PipelineStack&gt;()</c>). Configuration is validated before any resource is registered.</summary>
public sealed class PipelineStack : Stack
{
    private const string AwsConfigNamespace = "aws";

    public PipelineStack()
    {
        var settings = ReadSettings();
        var code = new FileArchive(LocateFunctionsPackage(settings));
        var region = new Config(AwsConfigNamespace).Get("region");
        var names = settings.Names;

        var provider = PipelineProvider.Create(settings, region);
        var accountId = Pulumi.Aws.GetCallerIdentity
            .Invoke(options: new InvokeOptions { Provider = provider })
            .Apply(identity => identity.AccountId);

        var ingest = new IngestTable("orders", new IngestTableArgs(names.OrdersTable, settings.Protect), provider);

        var storage = new ProcessedStorage("processed", new ProcessedStorageArgs(
            accountId.Apply(id => names.ProcessedBucket(id)),
            settings.ForceDestroy,
            settings.Protect,
            settings.NoncurrentVersionExpirationDays), provider);

        // Built before the processor: the processor's failure destination and policy need the dead-letter queue.
        var audit = new FailureAudit("failure-audit", new FailureAuditArgs
        {
            DeadLetterQueueName = names.DeadLetterQueue,
            RedriveQueueName = names.RedriveQueue,
            AuditTableName = names.AuditTable,
            FunctionName = names.AuditFunction,
            RoleName = names.AuditRole,
            PolicyName = names.AuditPolicy,
            Code = code,
            Architecture = settings.Architecture.ToAwsName(),
            TimeoutSeconds = settings.AuditTimeoutSeconds,
            LogRetentionDays = settings.LogRetentionDays,
            Protect = settings.Protect,
        }, provider);

        var processor = new StreamProcessor("processor", new StreamProcessorArgs
        {
            FunctionName = names.ProcessorFunction,
            RoleName = names.ProcessorRole,
            PolicyName = names.ProcessorPolicy,
            Code = code,
            StreamArn = ingest.StreamArn,
            BucketName = storage.BucketName,
            BucketArn = storage.BucketArn,
            DeadLetterQueueArn = audit.DeadLetterQueueArn,
            Architecture = settings.Architecture.ToAwsName(),
            MemoryMb = settings.ProcessorMemoryMb,
            TimeoutSeconds = settings.ProcessorTimeoutSeconds,
            MaxConcurrency = settings.ProcessorMaxConcurrency,
            LogRetentionDays = settings.LogRetentionDays,
            BatchSize = settings.BatchSize,
            MaxBatchingWindowSeconds = settings.MaxBatchingWindowSeconds,
            MaxRetryAttempts = settings.MaxRetryAttempts,
            MaxRecordAgeSeconds = settings.MaxRecordAgeSeconds,
            ParallelizationFactor = settings.ParallelizationFactor,
        }, provider);

        var monitoring = new Monitoring("monitoring", new MonitoringArgs(
            names.AlertTopic,
            AlarmDefinitions.For(settings),
            new Dictionary<AlarmTarget, Output<string>>
            {
                [AlarmTarget.ProcessorFunction] = processor.FunctionName,
                [AlarmTarget.AuditFunction] = audit.FunctionName,
                [AlarmTarget.DeadLetterQueue] = audit.DeadLetterQueueName,
                [AlarmTarget.RedriveQueue] = audit.RedriveQueueName,
            },
            settings.AlertEmail), provider);

        Environment = Output.Create(settings.Environment);
        Region = Output.Create(region ?? string.Empty);
        OrdersTableName = ingest.TableName;
        OrdersTableArn = ingest.TableArn;
        OrdersTableStreamArn = ingest.StreamArn;
        ProcessedBucketName = storage.BucketName;
        ProcessedBucketArn = storage.BucketArn;
        ProcessorFunctionName = processor.FunctionName;
        ProcessorFunctionArn = processor.FunctionArn;
        ProcessorRoleArn = processor.RoleArn;
        ProcessorLogGroupName = processor.LogGroupName;
        StreamMappingId = processor.MappingId;
        DeadLetterQueueName = audit.DeadLetterQueueName;
        DeadLetterQueueUrl = audit.DeadLetterQueueUrl;
        DeadLetterQueueArn = audit.DeadLetterQueueArn;
        RedriveQueueName = audit.RedriveQueueName;
        RedriveQueueUrl = audit.RedriveQueueUrl;
        RedriveQueueArn = audit.RedriveQueueArn;
        AuditTableName = audit.AuditTableName;
        AuditTableArn = audit.AuditTableArn;
        AuditFunctionName = audit.FunctionName;
        AuditFunctionArn = audit.FunctionArn;
        AuditRoleArn = audit.RoleArn;
        AuditLogGroupName = audit.LogGroupName;
        AlertTopicArn = monitoring.TopicArn;
        AlarmNames = monitoring.AlarmNames;
    }

    [Output(StackOutputNames.Environment)] public Output<string> Environment { get; private set; }
    [Output(StackOutputNames.Region)] public Output<string> Region { get; private set; }
    [Output(StackOutputNames.OrdersTableName)] public Output<string> OrdersTableName { get; private set; }
    [Output(StackOutputNames.OrdersTableArn)] public Output<string> OrdersTableArn { get; private set; }
    [Output(StackOutputNames.OrdersTableStreamArn)] public Output<string> OrdersTableStreamArn { get; private set; }
    [Output(StackOutputNames.ProcessedBucketName)] public Output<string> ProcessedBucketName { get; private set; }
    [Output(StackOutputNames.ProcessedBucketArn)] public Output<string> ProcessedBucketArn { get; private set; }
    [Output(StackOutputNames.ProcessorFunctionName)] public Output<string> ProcessorFunctionName { get; private set; }
    [Output(StackOutputNames.ProcessorFunctionArn)] public Output<string> ProcessorFunctionArn { get; private set; }
    [Output(StackOutputNames.ProcessorRoleArn)] public Output<string> ProcessorRoleArn { get; private set; }
    [Output(StackOutputNames.ProcessorLogGroupName)] public Output<string> ProcessorLogGroupName { get; private set; }
    [Output(StackOutputNames.StreamMappingId)] public Output<string> StreamMappingId { get; private set; }
    [Output(StackOutputNames.DeadLetterQueueName)] public Output<string> DeadLetterQueueName { get; private set; }
    [Output(StackOutputNames.DeadLetterQueueUrl)] public Output<string> DeadLetterQueueUrl { get; private set; }
    [Output(StackOutputNames.DeadLetterQueueArn)] public Output<string> DeadLetterQueueArn { get; private set; }
    [Output(StackOutputNames.RedriveQueueName)] public Output<string> RedriveQueueName { get; private set; }
    [Output(StackOutputNames.RedriveQueueUrl)] public Output<string> RedriveQueueUrl { get; private set; }
    [Output(StackOutputNames.RedriveQueueArn)] public Output<string> RedriveQueueArn { get; private set; }
    [Output(StackOutputNames.AuditTableName)] public Output<string> AuditTableName { get; private set; }
    [Output(StackOutputNames.AuditTableArn)] public Output<string> AuditTableArn { get; private set; }
    [Output(StackOutputNames.AuditFunctionName)] public Output<string> AuditFunctionName { get; private set; }
    [Output(StackOutputNames.AuditFunctionArn)] public Output<string> AuditFunctionArn { get; private set; }
    [Output(StackOutputNames.AuditRoleArn)] public Output<string> AuditRoleArn { get; private set; }
    [Output(StackOutputNames.AuditLogGroupName)] public Output<string> AuditLogGroupName { get; private set; }
    [Output(StackOutputNames.AlertTopicArn)] public Output<string> AlertTopicArn { get; private set; }
    [Output(StackOutputNames.AlarmNames)] public Output<ImmutableArray<string>> AlarmNames { get; private set; }

    // RunException makes Pulumi print the message alone, without a stack trace.
    private static PipelineSettings ReadSettings()
    {
        var config = new Config(ConfigSchema.Namespace);
        try
        {
            return PipelineSettings.Parse(config.Get, Deployment.Instance.StackName);
        }
        catch (ConfigValidationException exception)
        {
            throw new RunException(exception.Message, exception);
        }
    }

    private static string LocateFunctionsPackage(PipelineSettings settings)
    {
        try
        {
            return FunctionsPackage.Locate(
                settings.FunctionsPackageDirectory,
                [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        }
        catch (FunctionsPackageMissingException exception)
        {
            throw new RunException(exception.Message, exception);
        }
    }
}
