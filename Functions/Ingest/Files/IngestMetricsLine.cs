using System.Buffers;
using System.Text;
using System.Text.Json;
using OrdersPipeline.Functions.Metrics;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>One CloudWatch Embedded Metric Format line per object (no SDK call): files failed, orders written and
/// rejected, duration; dimensions Environment and Function.</summary>
public sealed class IngestMetricsLine(TextWriter output, string metricsNamespace, string environment)
{
    public void Write(string functionName, DateTimeOffset at, bool failed, long written, long rejected, double durationMs)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", at.ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", metricsNamespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            writer.WriteStringValue(PipelineMetrics.EnvironmentDimension);
            writer.WriteStringValue(PipelineMetrics.FunctionDimension);
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            Metric(writer, IngestMetrics.FilesFailed, "Count");
            Metric(writer, IngestMetrics.OrdersWritten, "Count");
            Metric(writer, IngestMetrics.OrdersRejected, "Count");
            Metric(writer, IngestMetrics.FileDuration, "Milliseconds");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteString(PipelineMetrics.EnvironmentDimension, environment);
            writer.WriteString(PipelineMetrics.FunctionDimension, functionName);
            writer.WriteNumber(IngestMetrics.FilesFailed, failed ? 1 : 0);
            writer.WriteNumber(IngestMetrics.OrdersWritten, written);
            writer.WriteNumber(IngestMetrics.OrdersRejected, rejected);
            writer.WriteNumber(IngestMetrics.FileDuration, Math.Round(durationMs, 3));
            writer.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private static void Metric(Utf8JsonWriter writer, string name, string unit)
    {
        writer.WriteStartObject();
        writer.WriteString("Name", name);
        writer.WriteString("Unit", unit);
        writer.WriteEndObject();
    }
}
