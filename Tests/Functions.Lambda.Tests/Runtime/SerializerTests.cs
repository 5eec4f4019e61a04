using System.Text.Json;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Runtime;

/// <summary>What the handlers' Lambda serializer reads and writes (stream events: Processor/).</summary>
public sealed class SerializerTests
{
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
        var message = Lambda.Event<SQSEvent>(Fixtures.Text("sqs-dlq-event.json")).Records[0];
        Assert.Multiple(() =>
        {
            Assert.That(message.MessageId, Is.EqualTo("5b1a3c4e-0d8f-4a7e-9b2c-111111111111"));
            Assert.That(message.EventSource, Is.EqualTo("aws:sqs"));
            Assert.That(message.Attributes["SentTimestamp"], Is.EqualTo("1795090506021"));
            Assert.That(JsonDocument.Parse(message.Body).RootElement.GetProperty("requestContext").ValueKind, Is.EqualTo(JsonValueKind.Object));
        });
    }

    [Test]
    public void Input_that_is_not_json_of_an_sqs_event_fails_in_the_serializer_naming_the_type() =>
        Assert.That(() => Lambda.Event<SQSEvent>("[]"),
            Throws.TypeOf<JsonSerializerException>().With.Message.Contains(nameof(SQSEvent)));
}
