using System.Globalization;
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
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace OrdersPipeline.Infra.Components;

/// <summary>What the file door writes to and sends failed invocations to; the account id names the bucket.</summary>
public sealed record FileIngestArgs(Table OrdersTable, Queue DeadLetterQueue, Output<string> AccountId);

/// <summary>
/// The file door (docs/ingest.md, "File ingest"): the drop bucket (see <see cref="BucketDefaults"/>) whose
/// <c>incoming/</c> objects invoke the file ingest function, the ingest-log table, and the function, whose failed
/// asynchronous invocations go to the dead-letter queue after Lambda's retries.
/// </summary>
public sealed class FileIngest : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:ingest:FileIngest";
    public const string ObjectCreatedEvents = "s3:ObjectCreated:*";

    public FileIngest(string name, StackContext context, FileIngestArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var (config, names) = (context.Config, context.Names);
        var protect = config.Get(ConfigSchema.Protect);

        var tableArgs = TableDefaults.Secure(names.IngestLogTable, protect, context.KeyArn);
        tableArgs.HashKey = PipelineDefaults.IngestLogHashKey;
        tableArgs.RangeKey = PipelineDefaults.IngestLogRangeKey;
        tableArgs.Attributes.Add(TableDefaults.StringAttribute(PipelineDefaults.IngestLogHashKey));
        tableArgs.Attributes.Add(TableDefaults.StringAttribute(PipelineDefaults.IngestLogRangeKey));
        LogTable = new Table($"{name}-log-table", tableArgs, ChildOptions(protect: protect));

        var secure = BucketDefaults.Create(this, name, new BucketSpec
        {
            BucketName = args.AccountId.Apply(names.DropBucket),
            ForceDestroy = ProtectionRules.ForceDestroy(config, StackBucket.Drop),
            KeyArn = context.KeyArn,
            Protect = protect,
            AccessLogPrefix = BucketPolicies.DropPrefix,
        });
        Bucket = secure.Bucket;

        var expirationDays = config.Get(ConfigSchema.DropObjectExpirationDays);
        _ = LifecycleDefaults.Create(this, name, secure,
            LifecycleDefaults.Rule("expire-processed-files", PipelineDefaults.DropIncomingPrefix).ExpiringAfter(expirationDays),
            LifecycleDefaults.Rule("expire-rejects-files", PipelineDefaults.DropRejectsPrefix).ExpiringAfter(expirationDays),
            LifecycleDefaults.Rule("abort-incomplete-uploads").AbortingIncompleteUploads());

        var environment = new InputMap<string>
        {
            { FileIngestEnvironment.OrdersTableName.Name, args.OrdersTable.Name },
            { FileIngestEnvironment.IngestLogTableName.Name, LogTable.Name },
            {
                FileIngestEnvironment.MaxObjectMb.Name,
                config.Get(ConfigSchema.FileIngestMaxObjectMb).ToString(CultureInfo.InvariantCulture)
            },
        };
        foreach (var (key, value) in FunctionEnvironment.CardNumbers(config))
        {
            environment.Add(key, value);
        }

        Function = new LambdaFunction(this, name, new LambdaFunctionSpec
        {
            FunctionName = names.FileIngestFunction,
            RoleName = names.FileIngestRole,
            PolicyName = names.FileIngestPolicy,
            Handler = Handlers.FileIngest,
            MemoryMb = PipelineDefaults.FileIngestMemoryMb,
            TimeoutSeconds = PipelineDefaults.FileIngestTimeoutSeconds,
            Policy = logGroupArn => Output.All(args.OrdersTable.Arn, LogTable.Arn, Bucket.Arn, args.DeadLetterQueue.Arn,
                    logGroupArn)
                .Apply(arns => PolicyDocuments.FileIngestStatements(arns[0], arns[1], arns[2], arns[3], arns[4])),
            Environment = environment,
        });

        // S3 may invoke the function for this bucket of this account only (a deleted bucket's name could be taken).
        InvokePermission = new Permission($"{name}-s3-invoke-permission", new PermissionArgs
        {
            Action = "lambda:InvokeFunction",
            Function = Function.Function.Name,
            Principal = PolicyDocuments.S3ServicePrincipal,
            SourceArn = Bucket.Arn,
            SourceAccount = args.AccountId,
        }, ChildOptions());

        // After Lambda's own retries, the event goes to the dead-letter queue; the role may send there.
        InvokeConfig = new FunctionEventInvokeConfig($"{name}-invoke-config", new FunctionEventInvokeConfigArgs
        {
            FunctionName = Function.Function.Name,
            MaximumRetryAttempts = PipelineDefaults.FileIngestMaximumRetryAttempts,
            DestinationConfig = new FunctionEventInvokeConfigDestinationConfigArgs
            {
                OnFailure = new FunctionEventInvokeConfigDestinationConfigOnFailureArgs
                {
                    Destination = args.DeadLetterQueue.Arn,
                },
            },
        }, ChildOptions(Function.Policy));

        // S3 checks it may invoke the function when the notification is set, so it waits for the permission.
        Notification = new BucketNotification($"{name}-notification", new BucketNotificationArgs
        {
            Bucket = Bucket.BucketName,
            LambdaFunctions =
            {
                new S3Inputs.BucketNotificationLambdaFunctionArgs
                {
                    Id = "ingest-incoming",
                    LambdaFunctionArn = Function.Function.Arn,
                    Events = { ObjectCreatedEvents },
                    FilterPrefix = PipelineDefaults.DropIncomingPrefix,
                },
            },
        }, ChildOptions(InvokePermission));

        RegisterOutputs();
    }

    public Bucket Bucket { get; }

    public Table LogTable { get; }

    public LambdaFunction Function { get; }

    public Permission InvokePermission { get; }

    public FunctionEventInvokeConfig InvokeConfig { get; }

    public BucketNotification Notification { get; }

}
