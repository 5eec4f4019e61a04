using System.Text.Json.Nodes;
using OrdersPipeline.Functions.Metrics;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>What the dashboard shows metrics of: names known at deploy time.</summary>
public sealed record DashboardSubjects(
    string Region,
    string MetricsNamespace,
    string Environment,
    string ProcessorFunction,
    string AuditFunction,
    string DeadLetterQueue,
    string RedriveQueue);

/// <summary>The stack's CloudWatch dashboard, as the JSON body CloudWatch takes: the functions' own metrics (records
/// written, failed, skipped and deferred; already stored, condition failures and card numbers masked; batch duration;
/// processing lag; audit outcomes), the stream mapping's iterator age, both queues' depth, and each function's errors,
/// throttles and p99 duration.</summary>
public static class DashboardBody
{
    public const int PeriodSeconds = 60;
    private const int Width = 12;
    private const int Height = 6;

    public static string For(DashboardSubjects subjects)
    {
        var processor = Own(subjects, subjects.ProcessorFunction);
        var audit = Own(subjects, subjects.AuditFunction);
        JsonObject[] widgets =
        [
            Graph(subjects, "Processor records", "Sum",
                processor(PipelineMetrics.RecordsWritten), processor(PipelineMetrics.RecordsFailed),
                processor(PipelineMetrics.RecordsSkipped), processor(PipelineMetrics.RecordsDeferred)),
            Graph(subjects, "Conditional writes and card numbers", "Sum",
                processor(PipelineMetrics.RecordsAlreadyStored), processor(PipelineMetrics.ConditionalWriteConflicts),
                processor(PipelineMetrics.CardNumbersMasked)),
            Graph(subjects, "Processing lag and batch duration (ms)", "Maximum",
                processor(PipelineMetrics.WriteLagMax), processor(PipelineMetrics.WriteLagAverage),
                processor(PipelineMetrics.BatchDuration)),
            Graph(subjects, "Stream iterator age (ms)", "Maximum",
                Lambda("IteratorAge", subjects.ProcessorFunction)),
            Graph(subjects, "Audit outcomes", "Sum",
                audit(PipelineMetrics.MessagesStored), audit(PipelineMetrics.MessagesAlreadyStored),
                audit(PipelineMetrics.MessagesFailed), audit(PipelineMetrics.MessagesDeferred)),
            Graph(subjects, "Queue depth", "Maximum",
                Queue(subjects.DeadLetterQueue), Queue(subjects.RedriveQueue)),
            Graph(subjects, "Errors and throttles", "Sum",
                Lambda("Errors", subjects.ProcessorFunction), Lambda("Throttles", subjects.ProcessorFunction),
                Lambda("Errors", subjects.AuditFunction), Lambda("Throttles", subjects.AuditFunction)),
            Graph(subjects, "Duration p99 (ms)", "p99",
                Lambda("Duration", subjects.ProcessorFunction), Lambda("Duration", subjects.AuditFunction)),
        ];

        for (var index = 0; index < widgets.Length; index++)
        {
            widgets[index]["x"] = index % 2 * Width;
            widgets[index]["y"] = index / 2 * Height;
        }

        return new JsonObject { ["widgets"] = new JsonArray([.. widgets]) }.ToJsonString();
    }

    private static Func<string, JsonArray> Own(DashboardSubjects subjects, string function) =>
        metric => Metric(subjects.MetricsNamespace, metric,
            EmbeddedMetrics.EnvironmentDimension, subjects.Environment, EmbeddedMetrics.FunctionDimension, function);

    private static JsonArray Lambda(string metric, string function) =>
        Metric("AWS/Lambda", metric, "FunctionName", function);

    private static JsonArray Queue(string queue) =>
        Metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", queue);

    private static JsonArray Metric(params string[] parts) => new([.. parts.Select(part => (JsonNode?)part)]);

    private static JsonObject Graph(DashboardSubjects subjects, string title, string stat, params JsonArray[] metrics) =>
        new()
        {
            ["type"] = "metric",
            ["width"] = Width,
            ["height"] = Height,
            ["properties"] = new JsonObject
            {
                ["title"] = title,
                ["region"] = subjects.Region,
                ["stat"] = stat,
                ["period"] = PeriodSeconds,
                ["view"] = "timeSeries",
                ["metrics"] = new JsonArray([.. metrics]),
            },
        };
}
