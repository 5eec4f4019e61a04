using System.Text;
using Amazon.Lambda.DynamoDBEvents;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Serialization;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Runtime;

/// <summary>
/// The hand-written stream event reader against the package's reader with the raw-record converter (what the
/// handlers' serializer did before): the same records, fields and image bytes for every event it takes, and for every
/// event it declines the package's answer, object or exception, unchanged.
/// </summary>
public sealed class StreamEventReaderTests
{
    private static readonly FunctionsLambdaSerializer PackageReader = new() { UseEventReader = false };

    private static string Nested(int levels)
    {
        var value = "{\"S\":\"leaf\"}";
        for (var i = 0; i < levels; i++)
        {
            value = i % 2 == 0 ? $"{{\"M\":{{\"k\":{value}}}}}" : $"{{\"L\":[{value}]}}";
        }
        return value;
    }

    private static string Modify() =>
        Fixtures.Record("2", "o-2", "\"n\":{\"N\":\"1.50\"}", "MODIFY", "\"n\":{\"N\":\"1.5\"}");

    /// <summary>Events as Lambda sends them, compact or not, with every field form the reader handles itself.</summary>
    private static IEnumerable<string> Taken() =>
    [
        Fixtures.Text("ddb-stream-event.json"),
        Fixtures.Event(Fixtures.Record("1", "o-1", "\"s\":{\"S\":\"a\\\"b \\u00e9 \\ud83d\\ude00 Zürich\"}"), Modify()),
        Fixtures.Event(Fixtures.Record("3", "o-\\u00e9\\/3", "\"deep\":" + Nested(32))),
        Fixtures.Event(Fixtures.Record("4", "o-4")).Replace("\"ev-4\"", "\"ev\\/4 \\u00e9\"", StringComparison.Ordinal)
            .Replace("1795082400", "1795082400.123", StringComparison.Ordinal)
            .Replace("\"SizeBytes\":10", "\"SizeBytes\":10.5,\"Unknown\":{\"x\":[1,true,null,\"y\"]}", StringComparison.Ordinal),
        Fixtures.Event(Fixtures.Record("5", "o-5")).Replace("\"awsRegion\":\"us-east-1\"", "\"awsRegion\":null", StringComparison.Ordinal)
            .Replace("\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"", "\"StreamViewType\":null,\"OldImage\":null", StringComparison.Ordinal),
        Fixtures.Event(Fixtures.Record("6", "o-6", eventName: "REMOVE", oldImageAttributes: "")),
        """{"Records":[]}""",
        """ { "Records" : null } """,
        "{}",
        """{"Records":[{},{"dynamodb":null},{"dynamodb":{}}]}""",
        "\r\n" + Fixtures.Event(Fixtures.Record("8", "o-8")) + " \n",
        Fixtures.Event(Fixtures.Record("9", "o-9")).Replace("\"awsRegion\"", "\"userIdentity\":null,\"awsRegion\"", StringComparison.Ordinal),
    ];

    /// <summary>Events the reader leaves to the package's reader: other spellings and forms the package accepts.</summary>
    private static IEnumerable<string> Declined() =>
    [
        Fixtures.Event(Fixtures.Record("1", "o-1")).Replace("\"eventID\"", "\"EventID\"", StringComparison.Ordinal),
        Fixtures.Event(Fixtures.Record("2", "o-2")).Replace("{\"Records\"", "{\"records\"", StringComparison.Ordinal),
        Fixtures.Event(Fixtures.Record("3", "o-3")).Replace("\"eventName\"", "\"event\\u004eame\"", StringComparison.Ordinal),
        Fixtures.Event(Fixtures.Record("4", "o-4")).Replace("\"awsRegion\"",
            "\"userIdentity\":{\"type\":\"Service\",\"principalId\":\"x\",\"extra\":1},\"awsRegion\"", StringComparison.Ordinal),
        Fixtures.Event(Fixtures.Record("5", "o-5")).Replace("1795082400", "1.7950824E+9", StringComparison.Ordinal),
        Fixtures.Event(Fixtures.Record("6", "o-6")).Replace("1795082400", "\"2026-11-19T10:00:00Z\"", StringComparison.Ordinal),
        Fixtures.Event(Fixtures.Record("7", "o-7")).Replace("\"SizeBytes\":10", "\"SizeBytes\":10,\"SizeBytes\":11", StringComparison.Ordinal),
        """{"Records":[null]}""",
        """{"Records":[],"Other":1}""",
    ];

    /// <summary>Not valid JSON, or deeper than the reader's limit: both readers must reject them.</summary>
    private static IEnumerable<byte[]> Malformed() =>
    [
        .. new[]
        {
            Fixtures.Event(Fixtures.Record("1", "o-1"))[..^3],
            Fixtures.Event(Fixtures.Record("2", "o-2")) + "x",
            Fixtures.Event(Fixtures.Record("3", "o-3", "\"s\":{\"S\":\"raw \u0001 control\"}")),
            Fixtures.Event(Fixtures.Record("4", "o-4", "\"s\":{\"S\":\"bad \\x escape\"}")),
            Fixtures.Event(Fixtures.Record("5", "o-5", "\"n\":{\"N\":01}")),
            Fixtures.Event(Fixtures.Record("6", "o-6", "\"deep\":" + Nested(DynamoDbLimits.EventReaderMaxDepth))),
        }.Select(Encoding.UTF8.GetBytes),
        Encoding.UTF8.GetBytes(Fixtures.Event(Fixtures.Record("7", "o-7", "\"s\":{\"S\":\"INVALID\"}")))
            .Select(b => b == (byte)'I' ? (byte)0xC3 : b).ToArray(),
    ];

    /// <summary>Everything the reader sets on a record, images as their raw text.</summary>
    private static string Describe(DynamoDBEvent? streamEvent)
    {
        if (streamEvent?.Records is not { } records)
        {
            return streamEvent is null ? "no event" : "no records";
        }
        var text = new StringBuilder();
        foreach (var record in records)
        {
            if (record is null)
            {
                text.AppendLine("null record");
                continue;
            }
            text.AppendLine($"{record.EventID}|{record.EventName}|{record.EventVersion}|{record.EventSource}|" +
                            $"{record.AwsRegion}|{record.EventSourceArn}|" +
                            $"{record.UserIdentity?.Type}/{record.UserIdentity?.PrincipalId}");
            if (record.Dynamodb is RawStreamRecord data)
            {
                text.AppendLine($"  {data.SequenceNumber}|{data.StreamViewType}|{data.SizeBytes}|" +
                                $"{data.ApproximateCreationEpochSeconds}|{data.ApproximateCreationDateTime:O}");
                text.AppendLine($"  keys {Raw(data.KeysUtf8)} new {Raw(data.NewImageUtf8)} old {Raw(data.OldImageUtf8)}");
            }
            else
            {
                text.AppendLine($"  dynamodb {record.Dynamodb?.GetType().Name ?? "null"}");
            }
        }
        return text.ToString();

        static string Raw(ReadOnlyMemory<byte>? json) => json is { } utf8 ? Encoding.UTF8.GetString(utf8.Span) : "null";
    }

    private static string PackageOutcome(byte[] json) => Outcome(PackageReader, json);

    private static string Outcome(FunctionsLambdaSerializer serializer, byte[] json)
    {
        try
        {
            return Describe(serializer.Deserialize<DynamoDBEvent>(new MemoryStream(json)));
        }
        catch (Exception error)
        {
            return "error: " + error.GetType().Name;
        }
    }

    [TestCaseSource(nameof(Taken))]
    public void An_event_in_lambdas_shape_is_read_by_hand_into_what_the_package_reader_makes(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var streamEvent = StreamEventReader.TryRead(utf8);
        Assert.Multiple(() =>
        {
            Assert.That(streamEvent, Is.Not.Null);
            Assert.That(Describe(streamEvent), Is.EqualTo(PackageOutcome(utf8)));
        });
    }

    [TestCaseSource(nameof(Declined))]
    public void Other_spellings_and_forms_are_left_to_the_package_reader(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        Assert.Multiple(() =>
        {
            Assert.That(StreamEventReader.TryRead(utf8), Is.Null);
            Assert.That(Describe(Lambda.Event<DynamoDBEvent>(json)), Is.EqualTo(PackageOutcome(utf8)));
        });
    }

    [TestCaseSource(nameof(Malformed))]
    public void A_malformed_event_is_rejected_as_the_package_reader_rejects_it(byte[] json)
    {
        Assert.Multiple(() =>
        {
            Assert.That(StreamEventReader.TryRead(json), Is.Null);
            Assert.That(PackageOutcome(json), Does.StartWith("error: "));
            Assert.That(Outcome(Lambda.Serializer, json), Is.EqualTo(PackageOutcome(json)));
        });
    }

    [Test]
    public void Strings_that_repeat_across_records_are_shared_and_the_rest_are_not()
    {
        var records = Lambda.Event<DynamoDBEvent>(Fixtures.Event(Fixtures.Record("1", "o-1"), Fixtures.Record("2", "o-2"))).Records;
        Assert.Multiple(() =>
        {
            Assert.That(records[1].EventSourceArn, Is.SameAs(records[0].EventSourceArn));
            Assert.That(records[1].EventName, Is.SameAs(records[0].EventName));
            Assert.That(records[1].Dynamodb.StreamViewType, Is.SameAs(records[0].Dynamodb.StreamViewType));
            Assert.That(records[1].EventID, Is.EqualTo("ev-2"));
            Assert.That(records[0].EventID, Is.EqualTo("ev-1"));
        });
    }

    [Test]
    public void Setting_an_image_drops_the_mark_that_its_utf8_was_checked()
    {
        var data = (RawStreamRecord)Lambda.Event<DynamoDBEvent>(Fixtures.Event(Fixtures.Record("1", "o-1"))).Records[0].Dynamodb;
        Assert.That(data.ImagesAreValidUtf8, Is.True);
        data.NewImageUtf8 = new byte[] { (byte)'{', (byte)'}' };
        Assert.That(data.ImagesAreValidUtf8, Is.False);
    }
}
