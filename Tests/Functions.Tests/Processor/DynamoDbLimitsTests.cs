using System.Text;
using System.Text.Json;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

/// <summary>
/// Items at DynamoDB's limits go through the whole path (read from Lambda-shaped JSON, then the processor service) and
/// are written;
/// one just past a limit fails alone, naming the limit, while the rest of its batch is written.
/// </summary>
public sealed class DynamoDbLimitsTests
{
    private const string Good = "000000000000000000001";
    private const string UnderTest = "000000000000000000002";
    private static readonly ProcessorSettings Settings = new() { BucketName = "test-bucket" };

    private sealed record Outcome(IReadOnlyList<string> Failures, RecordingS3 S3, CapturedLog Log)
    {
        public JsonElement Data => JsonDocument.Parse(S3.Puts.Single(p => p.Key.EndsWith("/limit.json")).Body).RootElement
            .GetProperty("data");

        public string Error => Log.WithMessage("stream record failed").Single().GetProperty("error").GetString()!;
    }

    /// <summary>One ordinary record and one with the given NewImage attributes, in one batch.</summary>
    private static async Task<Outcome> InvokeAsync(string attributes)
    {
        var s3 = new RecordingS3();
        var log = new CapturedLog();
        var service = new ProcessorService(s3.Mock.Object, Settings, new FixedTime(), log.Log);
        var records = StreamFixtures.Event(Fixtures.Record(Good, "good"), Fixtures.Record(UnderTest, "limit", attributes));
        var outcome = await service.HandleAsync(records, Invocations.Create());
        return new Outcome(outcome.FailedSequenceNumbers, s3, log);
    }

    private static async Task<Outcome> AcceptedAsync(string attributes)
    {
        var outcome = await InvokeAsync(attributes);
        Assert.That(outcome.Failures, Is.Empty, () => outcome.Log.WithMessage("stream record failed").FirstOrDefault().ToString());
        Assert.That(outcome.S3.Puts, Has.Count.EqualTo(2));
        return outcome;
    }

    private static async Task RejectedAloneAsync(string attributes, params string[] errorParts)
    {
        var outcome = await InvokeAsync(attributes);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Failures, Is.EqualTo(new[] { UnderTest }), "only the record past the limit fails");
            Assert.That(outcome.S3.Puts.Select(p => p.Key), Is.EqualTo(new[] { "processed-data/2026/11/19/good.json" }));
            foreach (var part in errorParts)
            {
                Assert.That(outcome.Error, Does.Contain(part));
            }
        });
    }

    /// <summary>
    /// <c>"deep": {"M": {"a": {"L": [ ... {"S": "bottom"} ]}}}</c>, alternating M and L, <paramref name="levels"/>
    /// deep.
    /// </summary>
    private static string Nested(int levels)
    {
        var value = """{"S":"bottom"}""";
        for (var level = levels; level >= 1; level--)
        {
            value = level % 2 == 1 ? "{\"M\":{\"a\":" + value + "}}" : "{\"L\":[" + value + "]}";
        }
        return $"\"deep\":{value}";
    }

    [Test]
    public async Task An_item_nested_32_levels_deep_is_written_in_full()
    {
        var outcome = await AcceptedAsync(Nested(DynamoDbLimits.MaxNestingLevels));
        var node = outcome.Data.GetProperty("deep");
        for (var level = 1; level <= DynamoDbLimits.MaxNestingLevels; level++)
        {
            node = level % 2 == 1 ? node.GetProperty("a") : node[0];
        }
        Assert.That(node.GetString(), Is.EqualTo("bottom"));
    }

    [Test]
    public Task An_item_nested_33_levels_deep_fails_alone_naming_the_limit() =>
        RejectedAloneAsync(Nested(DynamoDbLimits.MaxNestingLevels + 1), "NewImage.deep", "deeper than 32 levels");

    [Test]
    public void The_event_reader_allows_the_nesting_limit_plus_the_envelope() =>
        Assert.That(DynamoDbLimits.EventReaderMaxDepth, Is.GreaterThanOrEqualTo(DynamoDbLimits.EventEnvelopeDepth + 2 * DynamoDbLimits.MaxNestingLevels + 1));

    /// <summary>
    /// A string attribute that makes the item exactly <paramref name="itemBytes"/> by DynamoDB's rules.
    /// </summary>
    private static string ItemOfSize(int itemBytes)
    {
        // orderId (7) + "limit" (5) + "big" (3) + the value's bytes.
        var value = new string('x', itemBytes - 7 - 5 - 3);
        return $"\"big\":{{\"S\":\"{value}\"}}";
    }

    [Test]
    public async Task A_400_KB_item_is_written()
    {
        var outcome = await AcceptedAsync(ItemOfSize(DynamoDbLimits.MaxItemBytes));
        Assert.That(outcome.Data.GetProperty("big").GetString(), Has.Length.EqualTo(DynamoDbLimits.MaxItemBytes - 15));
    }

    [Test]
    public Task An_item_one_byte_past_400_KB_fails_alone_naming_the_limit() =>
        RejectedAloneAsync(ItemOfSize(DynamoDbLimits.MaxItemBytes + 1), "409601 bytes", "400 KB");

    [Test]
    public async Task An_attribute_name_of_the_maximum_length_is_kept_whole()
    {
        var name = new string('n', DynamoDbLimits.MaxAttributeNameBytes);
        var outcome = await AcceptedAsync($"\"{name}\":{{\"N\":\"1\"}}");
        Assert.That(outcome.Data.GetProperty(name).GetRawText(), Is.EqualTo("1"));
    }

    [Test]
    public Task An_attribute_name_of_64_KB_fails_alone_naming_the_limit() =>
        RejectedAloneAsync($"\"{new string('n', DynamoDbLimits.MaxAttributeNameBytes + 1)}\":{{\"N\":\"1\"}}",
            "65536 bytes", "less than 64 KB");

    [Test]
    public async Task A_multibyte_attribute_name_is_measured_in_utf8_bytes()
    {
        // 21,845 × "€" (3 bytes each) = 65,535 bytes: at the limit, though only 21,845 characters.
        var name = string.Concat(Enumerable.Repeat("€", DynamoDbLimits.MaxAttributeNameBytes / 3));
        Assert.That(Encoding.UTF8.GetByteCount(name), Is.EqualTo(DynamoDbLimits.MaxAttributeNameBytes));
        await AcceptedAsync($"\"{name}\":{{\"BOOL\":true}}");
        await RejectedAloneAsync($"\"{name}x\":{{\"BOOL\":true}}", "65536 bytes");
    }

    [Test]
    public async Task Binary_values_and_sets_are_written_as_the_base64_sent_and_empty_values_are_kept()
    {
        var large = Convert.ToBase64String(Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray());
        var outcome = await AcceptedAsync(
            $$$"""
            "blob":{"B":"{{{large}}}"},"blobs":{"BS":["AAEC","/w=="]},"emptyBlob":{"B":""},"emptyText":{"S":""},
            "emptyList":{"L":[]},"emptyMap":{"M":{}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Data.GetProperty("blob").GetString(), Is.EqualTo(large));
            Assert.That(outcome.Data.GetProperty("blobs").GetRawText(), Is.EqualTo("""["AAEC","/w=="]"""));
            Assert.That(outcome.Data.GetProperty("emptyBlob").GetString(), Is.Empty);
            Assert.That(outcome.Data.GetProperty("emptyText").GetString(), Is.Empty);
            Assert.That(outcome.Data.GetProperty("emptyList").GetRawText(), Is.EqualTo("[]"));
            Assert.That(outcome.Data.GetProperty("emptyMap").GetRawText(), Is.EqualTo("{}"));
        });
    }

    [TestCase("12345678901234567890123456789012345678")]
    [TestCase("-1234567890123456789012345678901234567.8")]
    [TestCase("0.00012345678901234567890123456789012345678")]
    [TestCase("1E-130")]
    [TestCase("-1E-130")]
    [TestCase("0.0000000001e-120")]
    [TestCase("9.9999999999999999999999999999999999999E+125")]
    [TestCase("-9.9999999999999999999999999999999999999E+125")]
    [TestCase("999999999999999999999999999999999999990000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("0")]
    [TestCase("0E+999999")]
    [TestCase("100000000000000000000000000000000000000000")]
    public async Task Numbers_across_dynamodbs_range_are_copied_digit_for_digit(string number)
    {
        var outcome = await AcceptedAsync($"\"n\":{{\"N\":\"{number}\"}},\"ns\":{{\"NS\":[\"{number}\",\"1\"]}}");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Data.GetProperty("n").GetRawText(), Is.EqualTo(number));
            Assert.That(outcome.Data.GetProperty("ns")[0].GetRawText(), Is.EqualTo(number));
        });
    }

    [TestCase("123456789012345678901234567890123456789", "39 significant digits")]
    [TestCase("1.23456789012345678901234567890123456789", "39 significant digits")]
    [TestCase("1E-131", "out of DynamoDB's number range")]
    [TestCase("0.1E-130", "out of DynamoDB's number range")]
    [TestCase("1E+126", "out of DynamoDB's number range")]
    [TestCase("-10E+125", "out of DynamoDB's number range")]
    [TestCase("1E+99999999999", "out of DynamoDB's number range")]
    public Task A_number_just_past_dynamodbs_limits_fails_alone_naming_the_limit(string number, string reason) =>
        RejectedAloneAsync($"\"n\":{{\"N\":\"{number}\"}}", "NewImage.n", reason);
}
