using System.Text.Json;
using NUnit.Framework;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class DashboardTests
{
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().With("metricsNamespace", "Shop/Orders").RunAsync();

    private IReadOnlyList<JsonElement> Widgets()
    {
        using var body = JsonDocument.Parse(_run.Single(ResourceTypes.Dashboard).String("dashboardBody"));
        return body.RootElement.GetProperty("widgets").EnumerateArray().Select(widget => widget.Clone()).ToArray();
    }

    private IEnumerable<string> Metrics(string title) =>
        Widgets().Single(widget => widget.GetProperty("properties").GetProperty("title").GetString() == title)
            .GetProperty("properties").GetProperty("metrics").EnumerateArray()
            .Select(metric => string.Join(" ", metric.EnumerateArray().Select(part => part.GetString())));

    [Test]
    public async Task One_dashboard_per_stack_named_for_it_and_exported()
    {
        Assert.That(_run.Single(ResourceTypes.Dashboard).String("dashboardName"), Is.EqualTo("dev-orders-pipeline-backend"));
        Assert.That(await OutputUtilities.GetValueAsync(_run.Stack.DashboardName), Is.EqualTo("dev-orders-pipeline-backend"));
    }

    [Test]
    public void Processor_records_come_from_its_own_metrics_in_the_configured_namespace()
    {
        const string Dimensions = "Environment dev Function dev-order-processor-lambda-backend";
        Assert.That(Metrics("Processor records"), Is.EqualTo(new[]
        {
            $"Shop/Orders RecordsWritten {Dimensions}", $"Shop/Orders RecordsFailed {Dimensions}",
            $"Shop/Orders RecordsSkipped {Dimensions}", $"Shop/Orders RecordsDeferred {Dimensions}",
        }));
    }

    [Test]
    public void Audit_outcomes_lag_iterator_age_and_queue_depth_are_shown()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Metrics("Audit outcomes").ToArray(), Has.Length.EqualTo(4)
                .And.All.StartsWith("Shop/Orders Messages")
                .And.All.EndsWith("Environment dev Function dev-audit-lambda-backend"));
            Assert.That(Metrics("Processing lag and batch duration (ms)"),
                Has.Some.StartsWith("Shop/Orders WriteLagMax ").And.Some.StartsWith("Shop/Orders WriteLagAverage ").And.Some.StartsWith("Shop/Orders BatchDuration "));
            Assert.That(Metrics("Stream iterator age (ms)"),
                Is.EqualTo(new[] { "AWS/Lambda IteratorAge FunctionName dev-order-processor-lambda-backend" }));
            Assert.That(Metrics("Queue depth"), Is.EqualTo(new[]
            {
                "AWS/SQS ApproximateNumberOfMessagesVisible QueueName dev-orders-dlq-backend",
                "AWS/SQS ApproximateNumberOfMessagesVisible QueueName dev-audit-redrive-queue-backend",
            }));
        });
    }

    [Test]
    public void Errors_throttles_and_p99_duration_of_both_functions()
    {
        Assert.That(Metrics("Errors and throttles"), Is.EquivalentTo(new[]
        {
            "AWS/Lambda Errors FunctionName dev-order-processor-lambda-backend",
            "AWS/Lambda Throttles FunctionName dev-order-processor-lambda-backend",
            "AWS/Lambda Errors FunctionName dev-audit-lambda-backend",
            "AWS/Lambda Throttles FunctionName dev-audit-lambda-backend",
        }));
        var duration = Widgets().Single(widget =>
            widget.GetProperty("properties").GetProperty("title").GetString() == "Duration p99 (ms)");
        Assert.That(duration.GetProperty("properties").GetProperty("stat").GetString(), Is.EqualTo("p99"));
    }

    [Test]
    public void Every_widget_reads_the_stacks_region_and_none_overlap()
    {
        var widgets = Widgets();

        Assert.That(widgets.Select(widget => widget.GetProperty("properties").GetProperty("region").GetString()),
            Has.All.EqualTo(MockAws.Region));
        Assert.That(widgets.Select(widget => (widget.GetProperty("x").GetInt32(), widget.GetProperty("y").GetInt32())),
            Is.Unique);
    }
}
