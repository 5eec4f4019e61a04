using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.DynamoDB;

namespace OrdersPipeline.Infra.Components;

/// <summary>The orders table: the pipeline's source, streaming every change with both images.</summary>
public sealed class IngestTable : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:ingest:IngestTable";
    public const string StreamViewType = "NEW_AND_OLD_IMAGES";

    public IngestTable(string name, StackContext context, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var protect = context.Config.Get(ConfigSchema.Protect);
        var args = TableDefaults.Secure(context.Names.OrdersTable, protect, context.KeyArn);
        args.HashKey = PipelineDefaults.OrdersTableHashKey;
        args.Attributes.Add(TableDefaults.StringAttribute(PipelineDefaults.OrdersTableHashKey));
        args.StreamEnabled = true;
        args.StreamViewType = StreamViewType;
        Table = new Table($"{name}-table", args, ChildOptions(protect: protect));

        RegisterOutputs();
    }

    public Table Table { get; }
}
