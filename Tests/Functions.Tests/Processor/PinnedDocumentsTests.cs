using System.Text;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

/// <summary>
/// Pins the processed documents, object key and exact bytes, for the fixture event and DynamoDB's limit cases
/// against the committed goldens in Fixtures/processed/ (docs/contracts.md, "Processed document", "Object key").
/// Each golden holds, for every INSERT and MODIFY record in stream order, its key and body on two lines, or
/// <c>error: &lt;sequence number&gt;: &lt;message&gt;</c> for a record that fails; REMOVE records are skipped as the
/// batch loop skips them. A run's output and its input event are also left in the test's work folder
/// (processed-actual/) for review.
/// </summary>
public sealed class PinnedDocumentsTests
{
    private const string ProjectFile = "OrdersPipeline.Functions.Tests.csproj";

    private static readonly ProcessedDocumentBuilder Builder = new("processed-data", "orderId");

    private static string Nested(int levels)
    {
        var value = """{"S":"bottom"}""";
        for (var level = levels; level >= 1; level--)
        {
            value = level % 2 == 1 ? "{\"M\":{\"a\":" + value + "}}" : "{\"L\":[" + value + "]}";
        }
        return value;
    }

    /// <summary>An item of exactly 400 KB by DynamoDB's sizing rules: names and values in UTF-8 bytes, numbers by
    /// their digits, M/L overhead.</summary>
    private static string ItemAtTheSizeLimit()
    {
        // orderId: 7 + "big" 3; n: 1 + 42 as (2 + 1) / 2 + 1 = 2; m: 1 + M 3 + (k 1 + "€uro" 6 + 1 in an M);
        // big: 3 + its value.
        const string Fixed = "\"n\":{\"N\":\"42\"},\"m\":{\"M\":{\"k\":{\"S\":\"€uro\"}}},";
        var value = new string('x', DynamoDbLimits.MaxItemBytes - 10 - 3 - 12 - 3);
        return Fixed + $"\"big\":{{\"S\":\"{value}\"}}";
    }

    private static string WithKey(string record, string keyJson) =>
        record.Replace("\"Keys\":{\"orderId\":{\"S\":\"placeholder\"}}", $"\"Keys\":{{\"orderId\":{keyJson}}}", StringComparison.Ordinal)
            .Replace("\"NewImage\":{\"orderId\":{\"S\":\"placeholder\"}", $"\"NewImage\":{{\"orderId\":{keyJson}", StringComparison.Ordinal);

    private static readonly Dictionary<string, Func<string>> Cases = new(StringComparer.Ordinal)
    {
        ["fixture"] = () => Fixtures.Text("ddb-stream-event.json"),
        ["nesting-32-levels"] = () => Fixtures.Event(
            Fixtures.Record("1", "deep-32", "\"deep\":" + Nested(DynamoDbLimits.MaxNestingLevels))),
        ["item-at-400-kb"] = () => Fixtures.Event(Fixtures.Record("1", "big", ItemAtTheSizeLimit())),
        ["numbers"] = () => Fixtures.Event(Fixtures.Record("1", "numbers",
            "\"n38\":{\"N\":\"12345678901234567890.123456789012345678\"},\"neg38\":{\"N\":\"-1234567890123456789012345678901234567.8\"}," +
            "\"tiny\":{\"N\":\"1E-130\"},\"negTiny\":{\"N\":\"-1E-130\"},\"max\":{\"N\":\"9.9999999999999999999999999999999999999E+125\"}," +
            "\"trailingZero\":{\"N\":\"129.90\"},\"exp\":{\"N\":\"1E+2\"},\"lowerExp\":{\"N\":\"-12.5e-3\"},\"zero\":{\"N\":\"-0.000\"}," +
            "\"zeroExp\":{\"N\":\"0E+999999\"},\"wide\":{\"N\":\"100000000000000000000000000000000000000000\"}," +
            "\"set\":{\"NS\":[\"1\",\"2.50\",\"-0.001\",\"1E-130\",\"9.9999999999999999999999999999999999999E+125\"]}")),
        ["text"] = () => Fixtures.Event(
            Fixtures.Record("1", "o-text",
                "\"city\":{\"S\":\"Zürich 東京 Жизнь \ud83d\ude00\"},\"escaped\":{\"S\":\"q\\\" b\\\\ / \\b\\f\\n\\r\\t \\u0000\\u001F end\"}," +
                "\"separators\":{\"S\":\"\u2028\u2029 \u007f \ufeff\"},\"html\":{\"S\":\"</script><a href='x'>&amp;+`\"}," +
                "\"pr\u00e9nom\":{\"S\":\"é\"},\"\ud83d\ude00\":{\"S\":\"emoji name\"},\"d\u007fl\":{\"N\":\"0\"},\"<a&b>'\":{\"S\":\"html name\"}," +
                "\"q\\\"uote\\n\":{\"BOOL\":true},\"tags\":{\"SS\":[\"gift\",\"Zürich\",\"\ud83d\ude00\",\"a\\\"b\"]}," +
                "\"m\":{\"M\":{\"\u00fcber\":{\"L\":[{\"S\":\"\u00e9\\n\"}]}}}"),
            // Non-ASCII as DynamoDB Streams sends it, unescaped (Fixtures.Record would write \u escapes).
            WithKey(Fixtures.Record("2", "placeholder"), "{\"S\":\"Zürich/1 \ud83d\ude00\"}"),
            Fixtures.Record("3", "..")),
        ["binary"] = () => Fixtures.Event(
            Fixtures.Record("1", "o-bin",
                "\"attachment\":{\"B\":\"aGVsbG8gd29ybGQ=\"},\"oneByte\":{\"B\":\"/w==\"},\"twoBytes\":{\"B\":\"AAE=\"},\"empty\":{\"B\":\"\"}," +
                "\"blobs\":{\"BS\":[\"AAEC\",\"AwQF\",\"+/+/\"]},\"wide\":{\"B\":\"" +
                Convert.ToBase64String([.. Enumerable.Range(0, 300).Select(i => (byte)i)]) + "\"}"),
            WithKey(Fixtures.Record("2", "placeholder"), "{\"B\":\"aGk/+w==\"}"),
            WithKey(Fixtures.Record("3", "placeholder"), "{\"N\":\"1001.50\"}")),
        ["empty-values"] = () => Fixtures.Event(Fixtures.Record("1", "o-empty",
            "\"emptyMap\":{\"M\":{}},\"emptyList\":{\"L\":[]},\"emptyText\":{\"S\":\"\"},\"emptySS\":{\"SS\":[]}," +
            "\"emptyNS\":{\"NS\":[]},\"emptyBS\":{\"BS\":[]},\"nested\":{\"L\":[{\"M\":{}},{\"L\":[]},{\"NULL\":true},{\"BOOL\":false}]}")),
        ["modify-diff"] = () => Fixtures.Event(
            Fixtures.Record("1", "o-sets",
                "\"tags\":{\"SS\":[\"a\",\"b\",\"c\"]},\"scores\":{\"NS\":[\"1\",\"2.5\"]},\"blobs\":{\"BS\":[\"AAEC\",\"AwQF\"]}," +
                "\"m\":{\"M\":{\"x\":{\"N\":\"1\"},\"y\":{\"S\":\"k\"}}},\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"}]}," +
                "\"price\":{\"N\":\"1.50\"},\"added\":{\"S\":\"new\"},\"Kept\":{\"BOOL\":true}",
                "MODIFY",
                "\"tags\":{\"SS\":[\"c\",\"a\",\"b\"]},\"scores\":{\"NS\":[\"2.5\",\"1\"]},\"blobs\":{\"BS\":[\"AwQF\",\"AAEC\"]}," +
                "\"m\":{\"M\":{\"y\":{\"S\":\"k\"},\"x\":{\"N\":\"1\"}}},\"l\":{\"L\":[{\"N\":\"2\"},{\"N\":\"1\"}]}," +
                "\"price\":{\"N\":\"1.5\"},\"removed\":{\"S\":\"old\"},\"Kept\":{\"BOOL\":true}"),
            Fixtures.Record("2", "o-same", "\"tags\":{\"SS\":[\"x\",\"y\"]}", "MODIFY", "\"tags\":{\"SS\":[\"y\",\"x\"]}")),
        ["creation-times"] = () => Fixtures.Event(
            Fixtures.Record("1", "o-ms").Replace("1795082400", "1795132799.999", StringComparison.Ordinal),
            Fixtures.Record("2", "o-fraction").Replace("1795082400", "1795086000.123", StringComparison.Ordinal),
            Fixtures.Record("3", "o-zero-fraction").Replace("1795082400", "1795086000.0", StringComparison.Ordinal),
            Fixtures.Record("4", "o-epoch").Replace("1795082400", "0", StringComparison.Ordinal),
            Fixtures.Record("5", "o-9999").Replace("1795082400", "253402300799", StringComparison.Ordinal)),
        ["record-errors"] = () => Fixtures.Event(
            Fixtures.Record("1", "o-1", "\"items\":{\"L\":[{\"M\":{\"price\":{\"N\":\"1,5\"}}}]}"),
            Fixtures.Record("2", "o-2", "\"when\":{\"DATE\":\"2026-11-19\"}"),
            Fixtures.Record("3", "o-3", "\"deep\":" + Nested(DynamoDbLimits.MaxNestingLevels + 1)),
            Fixtures.Record("4", "o-4", $"\"big\":{{\"S\":\"{new string('x', DynamoDbLimits.MaxItemBytes)}\"}}"),
            Fixtures.Record("5", "o-5", $"\"{new string('n', DynamoDbLimits.MaxAttributeNameBytes + 1)}\":{{\"N\":\"1\"}}"),
            Fixtures.Record("6", "o-6", "\"n\":{\"N\":\"1E+126\"},\"m\":{\"N\":\"123456789012345678901234567890123456789\"}"),
            Fixtures.Record("7", "o-7", "\"z\":{\"NULL\":false}"),
            Fixtures.Record("8", "o-8", "\"two\":{\"S\":\"a\",\"N\":\"1\"}"),
            Fixtures.Record("9", "o-9", eventName: "MODIFY"),
            Fixtures.Record("10", "o-10", eventName: "UPSERT"),
            Fixtures.Record("11", "o-11").Replace("table/dev-orders-table-backend/stream", "queue/x/stream", StringComparison.Ordinal),
            WithKey(Fixtures.Record("12", "placeholder"), "{\"BOOL\":true}"),
            Fixtures.Record("13", "")),
    };

    private static IEnumerable<string> CaseNames() => Cases.Keys;

    /// <summary>The documents (or errors) of every INSERT and MODIFY record of the case's event, in stream
    /// order.</summary>
    private static string Outcome(string eventJson)
    {
        var text = new StringBuilder();
        foreach (var record in Emulator.StreamEventJson.Read(eventJson))
        {
            if (record.EventName == "REMOVE")
            {
                continue;
            }
            try
            {
                var document = Builder.Build(record, FixedTime.Default);
                text.Append(document.ObjectKey).Append('\n').Append(Encoding.UTF8.GetString(document.Body)).Append('\n');
            }
            catch (RecordException error)
            {
                text.Append("error: ").Append(record.SequenceNumber).Append(": ").Append(error.Message).Append('\n');
            }
        }
        return text.ToString();
    }

    [TestCaseSource(nameof(CaseNames))]
    public void Documents_are_exactly_the_committed_goldens(string name)
    {
        var input = Cases[name]();
        var actual = Outcome(input);
        var review = Path.Combine(TestContext.CurrentContext.WorkDirectory, "processed-actual");
        Directory.CreateDirectory(review);
        File.WriteAllText(Path.Combine(review, name + ".txt"), actual, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(review, name + ".event.json"), input, new UTF8Encoding(false));

        var golden = Path.Combine(GoldenFolder(), name + ".txt");
        Assert.That(File.Exists(golden), Is.True, $"the golden {golden} is missing; this run's output is in {review}");
        var expected = File.ReadAllText(golden, Encoding.UTF8);
        Assert.That(actual, Is.EqualTo(expected), $"{name}: the documents differ from the golden; this run's output is in {review}");
    }

    [Test]
    public void Every_golden_is_a_case() =>
        Assert.That(Directory.GetFiles(GoldenFolder(), "*.txt").Select(Path.GetFileNameWithoutExtension),
            Is.EquivalentTo(Cases.Keys));

    /// <summary>Fixtures/processed/ in the test project's source folder (the goldens are committed files, never
    /// copies), found by walking up from the test output.</summary>
    private static string GoldenFolder()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ProjectFile)))
            {
                return Path.Combine(folder.FullName, "Fixtures", "processed");
            }
        }
        throw new InvalidOperationException($"No {ProjectFile} above {TestContext.CurrentContext.TestDirectory}.");
    }
}
