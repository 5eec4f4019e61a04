using NUnit.Framework;
using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Infra.Tests;

/// <summary>The environment the stack gives each function is one that function's own settings reader accepts,
/// at both edges of every config range that reaches it.</summary>
[TestFixture]
[NonParallelizable]
public sealed class FunctionEnvironmentContractTests
{
    private static IEnumerable<int> ConcurrencyEdges() =>
        [ProcessorEnvironment.MaxConcurrency.Min, ProcessorEnvironment.MaxConcurrency.Max];

    private static Func<string, string?> Lookup(RegisteredResource function)
    {
        var variables = RegisteredResource.AsObject(function.Object("environment")["variables"]);
        return name => variables.TryGetValue(name, out var value) ? (string?)value : null;
    }

    [TestCaseSource(nameof(ConcurrencyEdges))]
    public async Task The_processor_accepts_its_environment_at_each_edge_of_processorMaxConcurrency(int concurrency)
    {
        var run = await StackRun.WithDefaults().With("processorMaxConcurrency", $"{concurrency}").RunAsync();
        var function = run.Single(ResourceTypes.Function, "dev-order-processor-lambda-backend");

        var settings = ProcessorSettings.FromEnvironment(Lookup(function));

        Assert.Multiple(() =>
        {
            Assert.That(settings.MaxConcurrency, Is.EqualTo(concurrency));
            Assert.That(settings.BucketName, Is.EqualTo("dev-processed-data-123456789012-backend"));
            Assert.That(settings.KeyAttribute, Is.EqualTo("orderId"));
            Assert.That(settings.KeyPrefix, Is.EqualTo("processed-data"));
        });
    }

    [Test]
    public async Task The_audit_function_accepts_its_environment()
    {
        var run = await StackRun.WithDefaults().RunAsync();
        var function = run.Single(ResourceTypes.Function, "dev-audit-lambda-backend");

        Assert.That(AuditSettings.FromEnvironment(Lookup(function)).AuditTableName, Is.EqualTo("dev-audit-table-backend"));
    }

    [TestCase(0)]
    [TestCase(257)]
    public async Task The_stack_refuses_a_concurrency_the_processor_would_refuse(int concurrency)
    {
        var run = StackRun.WithDefaults().With("processorMaxConcurrency", $"{concurrency}");

        var error = Assert.ThrowsAsync<Pulumi.RunException>(() => run.RunAsync());

        Assert.That(error!.Message, Does.Contain("'orders-pipeline:processorMaxConcurrency' has invalid value"));
    }
}
