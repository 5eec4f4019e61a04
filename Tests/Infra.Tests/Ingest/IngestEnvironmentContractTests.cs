using NUnit.Framework;
using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Infra.Tests.Ingest;

/// <summary>The environment the stack gives each ingest function is one its own settings reader accepts, at both
/// edges of fileIngestMaxObjectMb.</summary>
[TestFixture]
[NonParallelizable]
public sealed class IngestEnvironmentContractTests
{
    private static Func<string, string?> Lookup(RegisteredResource function)
    {
        var variables = IngestRun.Env(function);
        return name => variables.TryGetValue(name, out var value) ? (string?)value : null;
    }

    [TestCase(1)]
    [TestCase(1024)]
    public async Task The_file_ingest_function_accepts_its_environment(int maxObjectMb)
    {
        var run = await StackRun.WithIngest().With("fileIngestMaxObjectMb", $"{maxObjectMb}").RunAsync();
        var settings = FileIngestSettings.FromEnvironment(Lookup(run.Single(ResourceTypes.Function, IngestRun.FileFunction)));
        Assert.Multiple(() =>
        {
            Assert.That(settings.MaxObjectMb, Is.EqualTo(maxObjectMb));
            Assert.That(settings.OrdersTableName, Is.EqualTo(IngestRun.OrdersTable));
            Assert.That(settings.IngestLogTableName, Is.EqualTo(IngestRun.IngestLog));
            Assert.That(settings.Metrics.Namespace, Is.EqualTo("OrdersPipeline"));
            Assert.That(settings.Metrics.Environment, Is.EqualTo("dev"));
        });
    }

    [Test]
    public async Task The_http_ingest_function_accepts_its_environment()
    {
        var run = await StackRun.WithIngest().RunAsync();
        var function = run.Single(ResourceTypes.Function, IngestRun.HttpFunction);
        Assert.That(HttpIngestSettings.FromEnvironment(Lookup(function)).OrdersTableName, Is.EqualTo(IngestRun.OrdersTable));
    }
}
