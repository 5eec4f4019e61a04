using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.CloudWatch;

namespace OrdersPipeline.Infra.Components;

/// <summary>The stack's one CloudWatch dashboard (see <see cref="DashboardBody"/>).</summary>
public sealed class Dashboard : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:monitoring:Dashboard";

    /// <param name="region">The region every widget reads its metrics from.</param>
    public Dashboard(string name, StackContext context, Output<string> region, IReadOnlyDictionary<AlarmTarget, Output<string>> targets,
        ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var config = context.Config;
        var body = Output.Tuple(region, targets[AlarmTarget.ProcessorFunction], targets[AlarmTarget.AuditFunction],
                Output.Tuple(targets[AlarmTarget.DeadLetterQueue], targets[AlarmTarget.RedriveQueue]))
            .Apply(names => DashboardBody.For(new DashboardSubjects(
                names.Item1, config.Get(ConfigSchema.MetricsNamespace), config.Get(ConfigSchema.Environment),
                names.Item2, names.Item3, names.Item4.Item1, names.Item4.Item2)));

        Resource = new Pulumi.Aws.CloudWatch.Dashboard($"{name}-dashboard", new DashboardArgs
        {
            DashboardName = context.Names.Dashboard,
            DashboardBody = body,
        }, ChildOptions());

        RegisterOutputs();
    }

    public Pulumi.Aws.CloudWatch.Dashboard Resource { get; }
}
