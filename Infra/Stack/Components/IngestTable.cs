using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.DynamoDB.Inputs;

namespace OrdersPipeline.Infra.Components;

/// <param name="TableName">Physical table name.</param>
/// <param name="Protect">Pulumi protection plus DynamoDB deletion protection.</param>
public sealed record IngestTableArgs(string TableName, bool Protect = false)
{
    public string HashKey { get; init; } = PipelineDefaults.OrdersTableHashKey;
}

/// <summary>The orders table: the pipeline's source, streaming every change with both images.</summary>
public sealed class IngestTable : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:ingest:IngestTable";

    // Defaults of this component.
    public const string BillingMode = "PAY_PER_REQUEST";
    public const string StreamViewType = "NEW_AND_OLD_IMAGES";
    private const string StringAttribute = "S";

    public IngestTable(string name, IngestTableArgs args, ProviderResource provider, ComponentResourceOptions? options = null)
        : base(TypeToken, name, provider, options)
    {
        var table = new Table($"{name}-table", new TableArgs
        {
            Name = args.TableName,
            BillingMode = BillingMode,
            HashKey = args.HashKey,
            Attributes = { new TableAttributeArgs { Name = args.HashKey, Type = StringAttribute } },
            StreamEnabled = true,
            StreamViewType = StreamViewType,
            PointInTimeRecovery = new TablePointInTimeRecoveryArgs { Enabled = true },
            ServerSideEncryption = new TableServerSideEncryptionArgs { Enabled = true },
            DeletionProtectionEnabled = args.Protect,
        }, ChildOptions(protect: args.Protect));

        TableName = table.Name;
        TableArn = table.Arn;
        StreamArn = table.StreamArn;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["tableName"] = TableName,
            ["tableArn"] = TableArn,
            ["streamArn"] = StreamArn,
        });
    }

    [Output("tableName")]
    public Output<string> TableName { get; }

    [Output("tableArn")]
    public Output<string> TableArn { get; }

    [Output("streamArn")]
    public Output<string> StreamArn { get; }
}
