using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>
/// Stream records for the processor's tests, read from Lambda-shaped JSON (<see cref="Fixtures"/>) into
/// <see cref="ChangeRecord"/>s by the test reader <see cref="StreamEventJson"/>, and images and values in DynamoDB JSON
/// read into the SDK's <see cref="AttributeValue"/>s.
/// </summary>
internal static class StreamFixtures
{
    /// <summary>The records of Fixtures/ddb-stream-event.json.</summary>
    public static IReadOnlyList<ChangeRecord> FixtureEvent() => StreamEventJson.Read(Fixtures.Text("ddb-stream-event.json"));

    /// <summary>The records of an event built from <see cref="Fixtures.Record"/> texts.</summary>
    public static IReadOnlyList<ChangeRecord> Event(params string[] records) => StreamEventJson.Read(Fixtures.Event(records));

    public static ChangeRecord Record(string recordJson) => Event(recordJson)[0];

    public static Dictionary<string, AttributeValue> Image(string dynamoDbJson) => StreamEventJson.ReadImage(dynamoDbJson);

    public static AttributeValue? Value(string dynamoDbJson) => StreamEventJson.ReadValue(dynamoDbJson);
}
