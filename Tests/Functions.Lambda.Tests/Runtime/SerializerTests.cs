using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.SQSEvents;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Runtime;

/// <summary>What the handlers' Lambda serializer reads and writes.</summary>
public sealed class SerializerTests
{
    [Test]
    public void Stream_records_keep_their_images_as_raw_dynamodb_json_with_numbers_as_sent()
    {
        var record = Lambda.Event<DynamoDBEvent>(Fixtures.Event(Fixtures.Record(
            "000000000000000000001", "o-1", "\"total\":{\"N\":\"-12345678901234567890.123456789012345678E-130\"}"))).Records[0];
        var data = record.Dynamodb as RawStreamRecord;
        Assert.Multiple(() =>
        {
            Assert.That(data, Is.Not.Null);
            Assert.That(data!.NewImage, Is.Null, "the package's dictionaries are not built");
            Assert.That(data.RawNewImage!.Value.GetProperty("total").GetProperty("N").GetString(),
                Is.EqualTo("-12345678901234567890.123456789012345678E-130"));
            Assert.That(data.RawKeys!.Value.GetProperty("orderId").GetProperty("S").GetString(), Is.EqualTo("o-1"));
            Assert.That(data.SequenceNumber, Is.EqualTo("000000000000000000001"));
            Assert.That(data.StreamViewType, Is.EqualTo("NEW_AND_OLD_IMAGES"));
            Assert.That(data.SizeBytes, Is.EqualTo(10));
            Assert.That(record.EventID, Is.EqualTo("ev-000000000000000000001"));
            Assert.That(record.EventSourceArn, Does.StartWith("arn:aws:dynamodb:us-east-1:123456789012:table/"));
        });
    }

    [TestCase("1795086000.123", "2026-11-19T11:00:00.123Z")]
    [TestCase("1795086000", "2026-11-19T11:00:00Z")]
    [TestCase("1795086000.0", "2026-11-19T11:00:00Z")]
    public void A_fractional_creation_time_is_read_exactly_to_the_millisecond(string epochSeconds, string expected)
    {
        var json = Fixtures.Event(Fixtures.Record("1", "o-1")).Replace("1795082400", epochSeconds, StringComparison.Ordinal);
        var record = Lambda.Event<DynamoDBEvent>(json).Records[0];
        Assert.Multiple(() =>
        {
            Assert.That(((RawStreamRecord)record.Dynamodb).ApproximateCreationEpochSeconds, Is.EqualTo(decimal.Parse(epochSeconds)));
            Assert.That(StreamRecordFields.Iso8601(StreamRecordFields.CreatedAt(record), alwaysMilliseconds: false), Is.EqualTo(expected));
        });
    }

    [Test]
    public void Responses_are_written_in_the_partial_batch_response_shape() => Assert.Multiple(() =>
    {
        Assert.That(Lambda.Response(BatchResponses.ForStream(["1", "2"])),
            Is.EqualTo("""{"batchItemFailures":[{"itemIdentifier":"1"},{"itemIdentifier":"2"}]}"""));
        Assert.That(Lambda.Response(BatchResponses.ForQueue(["m-1"])), Is.EqualTo("""{"batchItemFailures":[{"itemIdentifier":"m-1"}]}"""));
        Assert.That(Lambda.Response(BatchResponses.ForQueue([])), Is.EqualTo("""{"batchItemFailures":[]}"""));
    });

    [Test]
    public void Sqs_messages_are_read_into_the_package_type()
    {
        var message = Fixtures.DlqEvent().Records[0];
        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo("5b1a3c4e-0d8f-4a7e-9b2c-111111111111"));
            Assert.That(message.EventSource, Is.EqualTo("aws:sqs"));
            Assert.That(message.Attributes["SentTimestamp"], Is.EqualTo("1795090506021"));
            Assert.That(JsonDocument.Parse(message.Body).RootElement.GetProperty("requestContext").ValueKind, Is.EqualTo(JsonValueKind.Object));
        });
    }

    [Test]
    public void A_stream_record_written_back_reads_the_same()
    {
        var json = Fixtures.Event(Fixtures.Record("7", "o-7", "\"n\":{\"N\":\"1.50\"}", "MODIFY", "\"n\":{\"N\":\"1.5\"}"));
        var first = Lambda.Event<DynamoDBEvent>(json);
        var again = Lambda.Event<DynamoDBEvent>(Lambda.Response(first));
        var builder = new ProcessedDocumentBuilder("p", "orderId");
        Assert.That(builder.Build(again.Records[0], FixedTime.Default).Body,
            Is.EqualTo(builder.Build(first.Records[0], FixedTime.Default).Body));
    }
}
