using System.Text.Json;
using NUnit.Framework;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class DashboardBodyTests
{
    private static readonly DashboardSubjects Subjects = new("eu-west-1", "Shop/Orders", "dev",
        "dev-order-processor-lambda-backend", "dev-audit-lambda-backend", "dev-dlq-backend", "dev-redrive-backend");

    private static IEnumerable<string> ProcessorMetricsOnTheDashboard()
    {
        using var body = JsonDocument.Parse(DashboardBody.For(Subjects));
        return body.RootElement.GetProperty("widgets").EnumerateArray()
            .SelectMany(widget => widget.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            .Select(metric => metric.EnumerateArray().Select(part => part.ToString()).ToArray())
            .Where(parts => parts[0] == "Shop/Orders" && parts.Contains(Subjects.ProcessorFunction))
            .Select(parts => parts[1])
            .ToArray();
    }

    // Every count the processor emits per batch is on the dashboard, so a new metric cannot be left off it.
    [TestCase(PipelineMetrics.RecordsWritten)]
    [TestCase(PipelineMetrics.RecordsFailed)]
    [TestCase(PipelineMetrics.RecordsSkipped)]
    [TestCase(PipelineMetrics.RecordsDeferred)]
    [TestCase(PipelineMetrics.RecordsAlreadyStored)]
    [TestCase(PipelineMetrics.ConditionalWriteConflicts)]
    [TestCase(PipelineMetrics.CardNumbersMasked)]
    [TestCase(PipelineMetrics.BatchDuration)]
    [TestCase(PipelineMetrics.WriteLagMax)]
    [TestCase(PipelineMetrics.WriteLagAverage)]
    public void The_processors_metric_is_graphed(string metric) =>
        Assert.That(ProcessorMetricsOnTheDashboard(), Does.Contain(metric));
}
