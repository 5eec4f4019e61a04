using System.Text.Json;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Functions.Metrics;

/// <summary>One metric value of a batch: a name, a CloudWatch unit and the value.</summary>
public readonly record struct Metric(string Name, string Unit, double Value)
{
    public static Metric Count(string name, int value) => new(name, "Count", value);

    public static Metric Milliseconds(string name, double value) => new(name, "Milliseconds", value);
}

/// <summary>
/// Writes a batch's metrics as one CloudWatch Embedded Metric Format line on the function's log (no SDK call:
/// CloudWatch Logs extracts them). Dimensions: Environment and Function.
/// </summary>
public sealed class EmbeddedMetrics(MetricsSettings settings, TimeProvider time)
{
    public const string EnvironmentDimension = "Environment";
    public const string FunctionDimension = "Function";

    public void Write(JsonLog log, string functionName, IReadOnlyList<Metric> metrics) =>
        log.Write("INFO", "metrics", writer =>
        {
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", time.GetUtcNow().ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", settings.Namespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            writer.WriteStringValue(EnvironmentDimension);
            writer.WriteStringValue(FunctionDimension);
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            foreach (var metric in metrics)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", metric.Name);
                writer.WriteString("Unit", metric.Unit);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();

            writer.WriteString(EnvironmentDimension, settings.Environment);
            writer.WriteString(FunctionDimension, settings.FunctionName ?? functionName);
            foreach (var metric in metrics)
            {
                writer.WriteNumber(metric.Name, metric.Value);
            }
        });
}
