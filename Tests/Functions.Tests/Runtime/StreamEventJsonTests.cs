using System.Text.Json;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Runtime;

/// <summary>
/// The test reader of Lambda-shaped stream events (<see cref="StreamEventJson"/>): it must read what the Lambda
/// layer's mapping makes of the package's event, or the processor's tests would test something else.
/// </summary>
public sealed class StreamEventJsonTests
{
    private static string Nested(int levels)
    {
        var value = "{\"S\":\"leaf\"}";
        for (var i = 0; i < levels; i++)
        {
            value = i % 2 == 0 ? $"{{\"M\":{{\"k\":{value}}}}}" : $"{{\"L\":[{value}]}}";
        }
        return value;
    }

    [Test]
    public void Every_field_the_processor_uses_is_read_from_the_fixture()
    {
        var records = StreamFixtures.FixtureEvent();
        var modify = records[1];
        var exotic = records[2].NewImage!;
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.EventName), Is.EqualTo(new[] { "INSERT", "MODIFY", "INSERT", "REMOVE" }));
            Assert.That(modify.EventId, Is.EqualTo("c4ca4238a0b923820dcc509a6f75849b"));
            Assert.That(modify.EventSource, Is.EqualTo("aws:dynamodb"));
            Assert.That(modify.EventSourceArn, Does.StartWith("arn:aws:dynamodb:us-east-1:123456789012:table/dev-orders-table-backend/"));
            Assert.That(modify.SequenceNumber, Is.EqualTo("111100000000000000000002"));
            Assert.That(modify.StreamViewType, Is.EqualTo("NEW_AND_OLD_IMAGES"));
            Assert.That(modify.ApproximateCreationDateTime, Is.EqualTo(new DateTime(2026, 11, 19, 11, 0, 0, DateTimeKind.Utc)));
            Assert.That(modify.ApproximateCreationDateTime!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(modify.Keys!["orderId"].S, Is.EqualTo("o-1001"));
            Assert.That(modify.OldImage!["paid"].BOOL, Is.False);
            Assert.That(modify.NewImage!["coupon"].NULL, Is.True);
            Assert.That(modify.NewImage["items"].L[0].M["price"].N, Is.EqualTo("43.30"), "numbers stay text");
            Assert.That(exotic["ledgerAmount"].N, Is.EqualTo("12345678901234567890.123456789012345678"));
            Assert.That(exotic["attachment"].B.ToArray(), Is.EqualTo("hello world"u8.ToArray()), "binary is decoded");
            Assert.That(exotic["blobs"].BS.Select(b => b.ToArray()), Is.EqualTo(new[] { new byte[] { 0, 1, 2 }, [3, 4, 5] }));
            Assert.That(exotic["scores"].NS, Is.EqualTo(new[] { "1", "2.5", "-0.001" }));
            Assert.That(exotic["address"].M["city"].S, Is.EqualTo("Zürich"));
            Assert.That(records[3].NewImage, Is.Null);
            Assert.That(records[3].OldImage!["total"].N, Is.EqualTo("5"));
        });
    }

    [TestCase("1795086000.123", "2026-11-19T11:00:00.123Z")]
    [TestCase("1795086000", "2026-11-19T11:00:00Z")]
    [TestCase("1795086000.0", "2026-11-19T11:00:00Z")]
    [TestCase("1795132799.999", "2026-11-19T23:59:59.999Z")]
    public void A_fractional_creation_time_is_read_to_the_millisecond(string epochSeconds, string expected)
    {
        var record = StreamFixtures.Record(Fixtures.Record("1", "o-1").Replace("1795082400", epochSeconds, StringComparison.Ordinal));
        Assert.That(StreamRecordFields.Iso8601(StreamRecordFields.CreatedAt(record), alwaysMilliseconds: false), Is.EqualTo(expected));
    }

    [Test]
    public void An_unknown_type_tag_leaves_a_value_with_nothing_set_and_json_nulls_stay_null()
    {
        var image = StreamFixtures.Image("""{"d":{"DATE":"2026"},"n":null,"l":{"L":[null,{"S":"x"}]},"s":{"S":null}}""");
        Assert.Multiple(() =>
        {
            var unknown = image["d"];
            Assert.That(new object?[] { unknown.S, unknown.N, unknown.B, unknown.BOOL, unknown.NULL, unknown.M, unknown.L, unknown.SS, unknown.NS, unknown.BS },
                Is.All.Null);
            Assert.That(image["n"], Is.Null);
            Assert.That(image["l"].L[0], Is.Null);
            Assert.That(image["l"].L[1].S, Is.EqualTo("x"));
            Assert.That(image["s"].S, Is.Null, "a null content is not set");
        });
    }

    [Test]
    public void Two_tags_are_both_set_for_the_processor_to_reject()
    {
        var value = StreamFixtures.Value("""{"S":"a","N":"1"}""")!;
        Assert.Multiple(() =>
        {
            Assert.That(value.S, Is.EqualTo("a"));
            Assert.That(value.N, Is.EqualTo("1"));
        });
    }

    [Test]
    public void Missing_and_null_fields_are_null()
    {
        var records = StreamEventJson.Read("""{"Records":[{},{"dynamodb":null},{"dynamodb":{}},null]}""");
        Assert.Multiple(() =>
        {
            Assert.That(records, Has.Count.EqualTo(4));
            Assert.That(records[0], Is.EqualTo(new ChangeRecord(null, null, null, null, null, null, null, null, null, null)));
            Assert.That(records[1], Is.EqualTo(records[0]));
            Assert.That(records[2], Is.EqualTo(records[0]));
            Assert.That(records[3], Is.Null, "a null record is passed on for the validator to report");
        });
    }

    [Test]
    public void A_getrecords_response_gets_the_stream_arn_given()
    {
        const string Arn = "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/label";
        var records = StreamEventJson.Read(
            """{"NextShardIterator":"x","Records":[{"eventID":"1","eventName":"INSERT","dynamodb":{"SequenceNumber":"5"}}]}""", Arn);
        Assert.Multiple(() =>
        {
            Assert.That(records.Single().EventSourceArn, Is.EqualTo(Arn));
            Assert.That(records.Single().SequenceNumber, Is.EqualTo("5"));
        });
    }

    [Test]
    public void A_record_nested_past_dynamodbs_limit_is_still_read_for_the_processor_to_fail_alone()
    {
        var record = StreamFixtures.Record(Fixtures.Record("1", "o-1", "\"deep\":" + Nested(DynamoDbLimits.MaxNestingLevels + 1)));
        Assert.That(() => new ProcessedDocumentBuilder("p", "orderId").Build(record, FixedTime.Default),
            Throws.TypeOf<RecordException>().With.Message.Contains("deeper than 32 levels"));
    }

    [TestCase("not json")]
    [TestCase("""{"hello":"world"}""")]
    [TestCase("""{"Records":null}""")]
    public void Input_that_is_not_a_stream_event_throws(string json) =>
        Assert.That(() => StreamEventJson.Read(json), Throws.InstanceOf<JsonException>());

    private static IEnumerable<string> Unreadable() =>
    [
        Fixtures.Event(Fixtures.Record("1", "o-1"))[..^3],
        Fixtures.Event(Fixtures.Record("2", "o-2", "\"s\":{\"S\":\"raw \u0001 control\"}")),
        Fixtures.Event(Fixtures.Record("3", "o-3", "\"n\":{\"N\":01}")),
        Fixtures.Event(Fixtures.Record("4", "o-4", "\"s\":{\"S\":5}")),
        Fixtures.Event(Fixtures.Record("5", "o-5", "\"b\":{\"B\":\"not base64!\"}")),
        Fixtures.Event(Fixtures.Record("6", "o-6", "\"x\":\"plain\"")),
        Fixtures.Event(Fixtures.Record("7", "o-7", "\"deep\":" + Nested(DynamoDbLimits.EventReaderMaxDepth))),
    ];

    /// <summary>Malformed JSON, content the package could not read into its types either, and JSON deeper than the
    /// Lambda serializer's limit.</summary>
    [TestCaseSource(nameof(Unreadable))]
    public void Json_the_lambda_package_could_not_read_either_throws(string json) =>
        Assert.That(() => StreamEventJson.Read(json), Throws.Exception);
}
