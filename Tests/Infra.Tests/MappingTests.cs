using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class MappingTests
{
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults()
        .With("batchSize", "250")
        .With("maxBatchingWindowSeconds", "5")
        .With("maxRetryAttempts", "7")
        .With("maxRecordAgeSeconds", "7200")
        .With("parallelizationFactor", "3")
        .RunAsync();

    private RegisteredResource StreamMapping => _run.OfType(ResourceTypes.EventSourceMapping)
        .Single(mapping => mapping.String("eventSourceArn") == MockAws.StreamArn("dev-orders-table-backend"));

    private RegisteredResource QueueMapping => _run.OfType(ResourceTypes.EventSourceMapping)
        .Single(mapping => mapping.String("eventSourceArn") == MockAws.QueueArn("dev-orders-dlq-backend"));

    [Test]
    public void Stream_mapping_feeds_the_processor_from_the_start_of_the_stream()
    {
        Assert.That(StreamMapping.String("functionName"), Is.EqualTo("dev-order-processor-lambda-backend"));
        Assert.That(StreamMapping.String("startingPosition"), Is.EqualTo("TRIM_HORIZON"));
    }

    [Test]
    public void Stream_mapping_uses_the_configured_batching()
    {
        Assert.That(StreamMapping.Number("batchSize"), Is.EqualTo(250));
        Assert.That(StreamMapping.Number("maximumBatchingWindowInSeconds"), Is.EqualTo(5));
        Assert.That(StreamMapping.Number("parallelizationFactor"), Is.EqualTo(3));
    }

    [Test]
    public void Stream_mapping_bisects_failed_batches()
    {
        Assert.That(StreamMapping.Bool("bisectBatchOnFunctionError"), Is.True);
    }

    [Test]
    public void Stream_mapping_retries_and_ages_out_as_configured()
    {
        Assert.That(StreamMapping.Number("maximumRetryAttempts"), Is.EqualTo(7));
        Assert.That(StreamMapping.Number("maximumRecordAgeInSeconds"), Is.EqualTo(7200));
    }

    [Test]
    public void Stream_mapping_reports_batch_item_failures()
    {
        Assert.That(StreamMapping.Strings("functionResponseTypes"), Is.EqualTo(new[] { "ReportBatchItemFailures" }));
    }

    [Test]
    public void Stream_mapping_keeps_only_inserts_and_modifies()
    {
        var filter = RegisteredResource.AsObject(
            RegisteredResource.AsList(StreamMapping.Object("filterCriteria")["filters"]).Single());

        Assert.That(filter["pattern"], Is.EqualTo("""{"eventName":["INSERT","MODIFY"]}"""));
    }

    [Test]
    public void Stream_mapping_sends_failed_batches_to_the_dead_letter_queue()
    {
        var onFailure = RegisteredResource.AsObject(StreamMapping.Object("destinationConfig")["onFailure"]);

        Assert.That(onFailure["destinationArn"], Is.EqualTo(MockAws.QueueArn("dev-orders-dlq-backend")));
    }

    [Test]
    public void Dead_letter_mapping_feeds_the_audit_function_ten_at_a_time_with_partial_failures()
    {
        Assert.That(QueueMapping.String("functionName"), Is.EqualTo("dev-audit-lambda-backend"));
        Assert.That(QueueMapping.Number("batchSize"), Is.EqualTo(10));
        Assert.That(QueueMapping.Strings("functionResponseTypes"), Is.EqualTo(new[] { "ReportBatchItemFailures" }));
    }
}
