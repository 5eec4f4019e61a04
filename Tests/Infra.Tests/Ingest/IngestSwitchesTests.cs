using NUnit.Framework;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests.Ingest;

/// <summary>Each door is on its own switch; the stack is raised with either one off; what holds for every resource
/// holds with both on.</summary>
[TestFixture]
[NonParallelizable]
public sealed class IngestSwitchesTests
{
    [Test]
    public async Task With_the_http_door_off_the_file_door_still_stands()
    {
        var run = await StackRun.WithIngest().With("httpIngest", "false").RunAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(run.OfType(ResourceTypes.RestApi), Is.Empty);
            Assert.That(run.OfType(ResourceTypes.Function).Select(f => f.String("name")), Has.None.Contains("http-ingest"));
            Assert.That(run.OfType(ResourceTypes.MetricAlarm).Select(a => a.String("name")), Has.None.Contains("api-"));
            Assert.That(run.OfType(ResourceTypes.BucketNotification).Count(), Is.EqualTo(1));
            Assert.That(await OutputUtilities.GetValueAsync(run.Stack.OrdersApiUrl), Is.Empty);
            Assert.That(await OutputUtilities.GetValueAsync(run.Stack.OrdersApiKeyId), Is.Empty);
            Assert.That(await OutputUtilities.GetValueAsync(run.Stack.DropBucketName), Is.EqualTo(IngestRun.DropBucket));
        });
    }

    [Test]
    public async Task With_the_file_door_off_the_http_door_still_stands()
    {
        var run = await StackRun.WithIngest().With("fileIngest", "false").RunAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(run.OfType(ResourceTypes.BucketNotification), Is.Empty);
            Assert.That(run.OfType(ResourceTypes.EventInvokeConfig), Is.Empty);
            Assert.That(run.OfType(ResourceTypes.Table).Select(t => t.String("name")), Has.None.EqualTo(IngestRun.IngestLog));
            Assert.That(run.OfType(ResourceTypes.RestApi).Count(), Is.EqualTo(1));
            Assert.That(await OutputUtilities.GetValueAsync(run.Stack.DropBucketName), Is.Empty);
            Assert.That(await OutputUtilities.GetValueAsync(run.Stack.IngestLogTableName), Is.Empty);
        });
    }

    [Test]
    public async Task Both_doors_are_on_by_default_under_their_type_tokens()
    {
        var run = await StackRun.WithIngest().RunAsync();
        var components = run.Mocks.Registered.Where(r => r.Type.StartsWith("orders-pipeline:", StringComparison.Ordinal))
            .Select(r => r.Type);
        Assert.That(components, Is.SupersetOf(new[] { "orders-pipeline:ingest:HttpIngest", "orders-pipeline:ingest:FileIngest" }));
    }

    [Test]
    public async Task With_both_doors_on_no_role_policy_has_a_wildcard_and_every_resource_uses_the_pipeline_provider()
    {
        var run = await StackRun.WithIngest().RunAsync();
        var actions = run.OfType(ResourceTypes.RolePolicy).SelectMany(p => IngestRun.Grants(p)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(actions.Select(a => a.Actions), Has.None.Contains("*"));
            Assert.That(actions.Select(a => a.Resources), Has.None.EqualTo("*"));
            Assert.That(run.Aws.Where(r => r.Type != ResourceTypes.Provider).Select(r => r.Provider),
                Has.All.Contains("pulumi:providers:aws::aws-pipeline::"));
        });
    }

    [Test]
    public async Task The_ingest_alarms_watch_the_api_both_functions_and_failed_files_and_notify_the_topic()
    {
        var run = await StackRun.WithIngest().RunAsync();
        var alarms = run.OfType(ResourceTypes.MetricAlarm).ToDictionary(a => a.String("name"));
        var topic = MockAws.TopicArn("dev-pipeline-alerts-topic-backend");
        var latency = alarms["dev-api-latency-p99-alarm-backend"];
        var rate = alarms["dev-api-5xx-rate-alarm-backend"];
        var failedFiles = alarms["dev-ingest-failed-files-alarm-backend"];
        Assert.Multiple(() =>
        {
            Assert.That(alarms.Keys, Is.SupersetOf(new[]
            {
                "dev-api-5xx-rate-alarm-backend", "dev-api-4xx-alarm-backend", "dev-api-latency-p99-alarm-backend",
                "dev-http-ingest-errors-alarm-backend", "dev-file-ingest-errors-alarm-backend",
                "dev-ingest-failed-files-alarm-backend",
            }));
            Assert.That(alarms.Values.Select(a => a.Strings("alarmActions")), Has.All.EqualTo(new[] { topic }));
            Assert.That(latency.String("extendedStatistic"), Is.EqualTo("p99"));
            Assert.That(latency.Has("statistic"), Is.False);
            Assert.That(latency.Number("threshold"), Is.EqualTo(3000));
            Assert.That(latency.Object("dimensions"), Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["ApiName"] = "dev-orders-api-backend", ["Stage"] = "v1",
            }));
            Assert.That((rate.String("metricName"), rate.String("statistic"), rate.Number("threshold")),
                Is.EqualTo(("5XXError", "Average", 0.05)));
            Assert.That((failedFiles.String("namespace"), failedFiles.String("metricName"), failedFiles.Number("threshold")),
                Is.EqualTo(("OrdersPipeline", "IngestFilesFailed", 1d)));
            Assert.That(failedFiles.Object("dimensions"), Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["Function"] = IngestRun.FileFunction, ["Environment"] = "dev",
            }));
            Assert.That(alarms["dev-http-ingest-errors-alarm-backend"].Object("dimensions")["FunctionName"],
                Is.EqualTo(IngestRun.HttpFunction));
        });
    }
}
