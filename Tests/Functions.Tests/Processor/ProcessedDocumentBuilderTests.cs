using System.Text.Json;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class ProcessedDocumentBuilderTests
{
    private readonly ProcessedDocumentBuilder _builder = new("processed-data", "orderId");
    private readonly IReadOnlyList<ChangeRecord> _fixture = StreamFixtures.FixtureEvent();

    private static JsonElement Body(ProcessedDocument document) => JsonDocument.Parse(document.Body).RootElement;

    private static ChangeRecord Parse(string recordJson) => StreamFixtures.Record(recordJson);

    [Test]
    public void An_insert_becomes_the_contract_document()
    {
        var document = _builder.Build(_fixture[0], FixedTime.Default);
        Assert.Multiple(() =>
        {
            Assert.That(document.ObjectKey, Is.EqualTo("processed-data/2026/11/19/o-1001.json"));
            Assert.That(document.RecordId, Is.EqualTo("o-1001"));
            Assert.That(System.Text.Encoding.UTF8.GetString(document.Body), Is.EqualTo(
                """{"recordId":"o-1001","data":{"orderId":"o-1001","customerId":"c-42","total":129.90,"quantity":3,"paid":false,"coupon":null,"items":[{"sku":"A-1","price":43.30}],"tags":["gift","express"]},"metadata":{"eventId":"7de3041dd709b024af6f29e4fa13d34c","eventName":"INSERT","sequenceNumber":"111100000000000000000001","approximateCreationDateTime":"2026-11-19T10:00:00Z","processedAt":"2026-11-22T10:01:03.123Z","processingStatus":"PROCESSED","sourceTable":"dev-orders-table-backend"}}"""));
        });
    }

    [Test]
    public void A_modify_carries_the_previous_image_and_the_changed_attributes()
    {
        var body = Body(_builder.Build(_fixture[1], FixedTime.Default));
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("previous").GetProperty("paid").GetBoolean(), Is.False);
            Assert.That(body.GetProperty("data").GetProperty("paid").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("metadata").GetProperty("changedAttributes").EnumerateArray().Select(e => e.GetString()),
                Is.EqualTo(new[] { "paid" }));
            Assert.That(body.GetProperty("metadata").GetProperty("eventName").GetString(), Is.EqualTo("MODIFY"));
        });
    }

    [Test]
    public void An_insert_has_neither_previous_nor_changed_attributes()
    {
        var body = Body(_builder.Build(_fixture[0], FixedTime.Default));
        Assert.Multiple(() =>
        {
            Assert.That(body.TryGetProperty("previous", out _), Is.False);
            Assert.That(body.GetProperty("metadata").TryGetProperty("changedAttributes", out _), Is.False);
        });
    }

    [Test]
    public void Exotic_types_and_long_numbers_are_written_exactly()
    {
        var text = System.Text.Encoding.UTF8.GetString(_builder.Build(_fixture[2], FixedTime.Default).Body);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("\"ledgerAmount\":12345678901234567890.123456789012345678"));
            Assert.That(text, Does.Contain("\"scores\":[1,2.5,-0.001]"));
            Assert.That(text, Does.Contain("\"blobs\":[\"AAEC\",\"AwQF\"]"));
            Assert.That(text, Does.Contain("\"attachment\":\"aGVsbG8gd29ybGQ=\""));
            Assert.That(text, Does.Contain("\"city\":\"Zürich\""));
        });
    }

    [Test]
    public void A_fractional_creation_time_keeps_its_milliseconds_and_dates_the_key()
    {
        var record = Parse(Fixtures.Record("1", "o-1", createdAt: 0).Replace("\"ApproximateCreationDateTime\":0", "\"ApproximateCreationDateTime\":1795132799.999"));
        var document = _builder.Build(record, FixedTime.Default);
        Assert.Multiple(() =>
        {
            Assert.That(document.ObjectKey, Is.EqualTo("processed-data/2026/11/19/o-1.json"));
            Assert.That(Body(document).GetProperty("metadata").GetProperty("approximateCreationDateTime").GetString(),
                Is.EqualTo("2026-11-19T23:59:59.999Z"));
        });
    }

    [Test]
    public void A_number_key_uses_its_decimal_text_and_the_configured_key_attribute()
    {
        var builder = new ProcessedDocumentBuilder("out", "id");
        var record = Parse(Fixtures.Record("1", "x").Replace("\"Keys\":{\"orderId\":{\"S\":\"x\"}}", "\"Keys\":{\"id\":{\"N\":\"1001.50\"}}"));
        var document = builder.Build(record, FixedTime.Default);
        Assert.Multiple(() =>
        {
            Assert.That(document.ObjectKey, Is.EqualTo("out/2026/11/19/1001.50.json"));
            Assert.That(Body(document).GetProperty("recordId").GetString(), Is.EqualTo("1001.50"));
        });
    }

    [Test]
    public void The_record_id_is_kept_verbatim_when_the_key_is_encoded()
    {
        var document = _builder.Build(Parse(Fixtures.Record("1", "a/b c")), FixedTime.Default);
        Assert.Multiple(() =>
        {
            Assert.That(document.ObjectKey, Does.EndWith("/a%2Fb%20c.json"));
            Assert.That(Body(document).GetProperty("recordId").GetString(), Is.EqualTo("a/b c"));
        });
    }

    [TestCase("REMOVE", "expected INSERT or MODIFY")]
    [TestCase("UPSERT", "expected INSERT or MODIFY")]
    public void Only_inserts_and_modifies_become_documents(string eventName, string message)
    {
        var record = Parse(Fixtures.Record("1", "o-1", eventName: eventName, oldImageAttributes: ""));
        Assert.That(() => _builder.Build(record, FixedTime.Default), Throws.TypeOf<RecordException>().With.Message.Contains(message));
    }

    [Test]
    public void A_modify_without_its_old_image_fails_naming_the_stream_view_type()
    {
        var record = Parse(Fixtures.Record("1", "o-1", eventName: "MODIFY"));
        Assert.That(() => _builder.Build(record, FixedTime.Default),
            Throws.TypeOf<RecordException>().With.Message.Contains("OldImage").And.Message.Contains("NEW_AND_OLD_IMAGES"));
    }

    [TestCase("\"Keys\":{\"orderId\":{\"S\":\"o-1\"}}", "\"Keys\":{\"other\":{\"S\":\"o-1\"}}", "no attribute 'orderId'")]
    [TestCase("\"ApproximateCreationDateTime\":1795082400,", "", "ApproximateCreationDateTime is missing")]
    [TestCase("table/dev-orders-table-backend/stream", "queue/x/stream", "not a DynamoDB table stream ARN")]
    public void Records_missing_what_the_key_or_metadata_needs_fail_clearly(string find, string replace, string message)
    {
        var record = Parse(Fixtures.Record("1", "o-1").Replace(find, replace));
        Assert.That(() => _builder.Build(record, FixedTime.Default), Throws.TypeOf<RecordException>().With.Message.Contains(message));
    }

    [Test]
    public void A_modify_with_its_sets_reordered_and_nothing_else_changed_has_no_changed_attributes()
    {
        var record = Parse(Fixtures.Record("1", "o-1", "\"tags\":{\"SS\":[\"a\",\"b\"]},\"n\":{\"NS\":[\"1\",\"2\"]}", "MODIFY",
            "\"tags\":{\"SS\":[\"b\",\"a\"]},\"n\":{\"NS\":[\"2\",\"1\"]}"));
        var body = Body(_builder.Build(record, FixedTime.Default));
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("metadata").GetProperty("changedAttributes").GetArrayLength(), Is.Zero);
            Assert.That(body.GetProperty("data").GetProperty("tags").GetRawText(), Is.EqualTo("""["a","b"]"""), "sets keep the order sent");
            Assert.That(body.GetProperty("previous").GetProperty("tags").GetRawText(), Is.EqualTo("""["b","a"]"""));
        });
    }

    [TestCase("-1", "dynamodb.ApproximateCreationDateTime -1 is out of range.")]
    [TestCase("253402300799.5", "dynamodb.ApproximateCreationDateTime 253402300799.5 is out of range.")]
    public void A_creation_time_outside_0_to_the_end_of_year_9999_fails_the_record(string seconds, string message)
    {
        var record = Parse(Fixtures.Record("1", "o-1").Replace("1795082400", seconds, StringComparison.Ordinal));
        Assert.That(() => _builder.Build(record, FixedTime.Default), Throws.TypeOf<RecordException>().With.Message.EqualTo(message));
    }

    [Test]
    public void A_creation_time_of_the_last_second_of_year_9999_is_accepted()
    {
        var record = Parse(Fixtures.Record("1", "o-1").Replace("1795082400", "253402300799", StringComparison.Ordinal));
        Assert.That(_builder.Build(record, FixedTime.Default).ObjectKey, Is.EqualTo("processed-data/9999/12/31/o-1.json"));
    }

    [Test]
    public void A_record_without_a_new_image_or_keys_fails_clearly() => Assert.Multiple(() =>
    {
        var record = _fixture[0];
        Assert.That(() => _builder.Build(record with { NewImage = null }, FixedTime.Default),
            Throws.TypeOf<RecordException>().With.Message.EqualTo(
                "dynamodb.NewImage is missing (StreamViewType NEW_AND_OLD_IMAGES); the stream must be NEW_AND_OLD_IMAGES."));
        Assert.That(() => _builder.Build(record with { Keys = null }, FixedTime.Default),
            Throws.TypeOf<RecordException>().With.Message.EqualTo("dynamodb.Keys is missing."));
        Assert.That(() => _builder.Build(record with { NewImage = null, StreamViewType = null }, FixedTime.Default),
            Throws.TypeOf<RecordException>().With.Message.Contains("(StreamViewType unknown)"));
    });

    [TestCase("{\"BOOL\":true}", "Keys.orderId: a key attribute must be of type S, N or B, not 'BOOL'.")]
    [TestCase("{\"N\":\"01\"}", "Keys.orderId: '01' is not a valid number.")]
    [TestCase("{\"DATE\":\"x\"}", "Keys.orderId: an attribute value must have a type tag.")]
    public void A_key_attribute_that_is_not_a_valid_s_n_or_b_fails_naming_it(string key, string message)
    {
        var record = Parse(Fixtures.Record("1", "o-1").Replace("\"Keys\":{\"orderId\":{\"S\":\"o-1\"}}",
            $"\"Keys\":{{\"orderId\":{key}}}", StringComparison.Ordinal));
        Assert.That(() => _builder.RecordId(record), Throws.TypeOf<RecordException>().With.Message.StartWith(message));
    }

    [Test]
    public void A_binary_key_uses_its_base64_text()
    {
        var record = Parse(Fixtures.Record("1", "x").Replace("\"Keys\":{\"orderId\":{\"S\":\"x\"}}",
            "\"Keys\":{\"orderId\":{\"B\":\"aGk/+w==\"}}", StringComparison.Ordinal));
        var document = _builder.Build(record, FixedTime.Default);
        Assert.Multiple(() =>
        {
            Assert.That(document.RecordId, Is.EqualTo("aGk/+w=="));
            Assert.That(document.ObjectKey, Is.EqualTo("processed-data/2026/11/19/aGk%2F%2Bw%3D%3D.json"));
        });
    }

    [Test]
    public void A_pooled_document_has_the_same_body_and_gives_its_buffer_back()
    {
        var record = _fixture[1];
        var plain = _builder.Build(record, FixedTime.Default);
        var pooled = _builder.BuildPooled(record, plain.RecordId, FixedTime.Default);
        Assert.Multiple(() =>
        {
            Assert.That(pooled.Content.ToArray(), Is.EqualTo(plain.Body));
            Assert.That(pooled.Length, Is.EqualTo(plain.Body.Length));
            Assert.That(pooled.ObjectKey, Is.EqualTo(plain.ObjectKey));
        });
        pooled.Release();
        Assert.That(() => pooled.Content, Throws.TypeOf<ObjectDisposedException>());
    }
}
