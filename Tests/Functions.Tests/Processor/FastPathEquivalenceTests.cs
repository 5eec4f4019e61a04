using System.Text;
using Amazon.Lambda.DynamoDBEvents;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

/// <summary>
/// The builder's reader-based hot path against its general <c>JsonElement</c> path (the code before issue 13): the
/// same key, id and body byte for byte, or the same error, on the fixtures and on every kind of value, escape, diff
/// and limit case. (Tests/Benchmarks checks the same on its 2,000-record workload with a pinned SHA-256.)
/// </summary>
public sealed class FastPathEquivalenceTests
{
    private readonly ProcessedDocumentBuilder _fast = new("processed-data", "orderId");
    private readonly ProcessedDocumentBuilder _general = new("processed-data", "orderId") { UseFastPath = false };

    private static string Nested(int levels, string leaf)
    {
        var value = leaf;
        for (var i = 0; i < levels; i++)
        {
            value = i % 2 == 0 ? $"{{\"M\":{{\"k\":{value}}}}}" : $"{{\"L\":[{value}]}}";
        }
        return value;
    }

    private static readonly string[] Attributes =
    [
        "",
        "\"s\":{\"S\":\"a\\\"b\\\\c\\u00e9\\n\\t Zürich \\ud83d\\ude00\"}",
        "\"n\\u0041me\":{\"S\":\"escaped name\"},\"plain\":{\"N\":\"1\"}",
        "\"n1\":{\"N\":\"1E+2\"},\"n2\":{\"N\":\"-0.000\"},\"n3\":{\"N\":\"12345678901234567890123456789012345678\"}," +
        "\"n4\":{\"N\":\"-1.5e-130\"},\"n5\":{\"N\":\"9.9999999999999999999999999999999999999E+125\"}",
        "\"ss\":{\"SS\":[\"b\",\"a\\\"\"]},\"ns\":{\"NS\":[\"2\",\"1.50\"]},\"bs\":{\"BS\":[\"AAEC\",\"AwQF\"]},\"b\":{\"B\":\"aGVsbG8=\"}",
        "\"m\":{\"M\":{\"a\":{\"N\":\"1\"},\"b\":{\"L\":[{\"S\":\"x\"},{\"NULL\":true},{\"BOOL\":false}]}}}",
        "\"deep\":" + Nested(32, "{\"S\":\"leaf\"}"),
        "\"dup\":{\"S\":\"1\"},\"dup\":{\"S\":\"2\"}",
        "\"s\":{\"S\":\"\\u0000\\u001f\\u2028\"}",
        // Names the document writer escapes or keeps: non-ASCII, a supplementary character, DEL, HTML-ish ASCII.
        "\"pr\u00e9nom\":{\"S\":\"x\"},\"\ud83d\ude00\":{\"S\":\"y\"},\"d\u007fl\":{\"N\":\"0\"},\"<a&b>'\":{\"S\":\"z\"}",
        "\"m\":{\"M\":{\"\\ud83d\\ude00 \\u00e9\\n\":{\"S\":\"escaped nested name\"}}}",
        "\"t\":{\"\\u0053\":\"escaped tag\"}",
        " \"w\" : { \"S\" : \"\" } ,\n\t\"l\":{ \"L\" : [ { \"N\" : \"-0\" } , { \"BOOL\" : true } ] } ",
        "\"e\":{\"M\":{}},\"f\":{\"L\":[]},\"ss\":{\"SS\":[]}",
        "\"n\":{\"N\":\"1.2345678901234567890123456789012345678E-100\"},\"ns\":{\"NS\":[\"0e0\",\"-1E+125\"]}",
        "\"s\":{\"S\":\"\\ud83d\\ude00 \ud83d\ude00 \\/ \\b\\f\\r \u0416\"},\"bs\":{\"BS\":[\"\"]}",
    ];

    private static readonly string[] Invalid =
    [
        "\"n\":{\"N\":\"01\"}", "\"n\":{\"N\":\"\\u0031\"}", "\"x\":{\"DATE\":\"2026\"}", "\"x\":{\"S\":\"a\",\"N\":\"1\"}",
        "\"x\":{}", "\"b\":{\"B\":\"not base64!\"}", "\"b\":{\"BOOL\":\"yes\"}", "\"z\":{\"NULL\":false}",
        "\"n\":{\"N\":\"123456789012345678901234567890123456789\"}", "\"n\":{\"N\":\"1E+126\"}",
        "\"deep\":" + Nested(33, "{\"S\":\"leaf\"}"), "\"l\":{\"L\":{\"S\":\"x\"}}", "\"m\":{\"M\":[]}",
        "\"ss\":{\"SS\":[1]}", "\"x\":\"plain\"", "\"\":{\"S\":\"empty name\"}",
        "\"big\":{\"S\":\"" + new string('x', 410_000) + "\"}",
    ];

    private static readonly (string New, string Old)[] Modifies =
    [
        ("\"a\":{\"N\":\"1\"}", "\"a\":{\"N\":\"1\"}"),
        ("\"a\":{\"N\":\"1.50\"}", "\"a\":{\"N\":\"1.5\"}"),
        ("\"ss\":{\"SS\":[\"a\",\"b\"]}", "\"ss\":{\"SS\":[\"b\",\"a\"]}"),
        ("\"m\":{\"M\":{\"a\":{\"N\":\"1\"},\"b\":{\"N\":\"2\"}}}", "\"m\":{\"M\":{\"b\":{\"N\":\"2\"},\"a\":{\"N\":\"1\"}}}"),
        ("\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"}]}", "\"l\":{\"L\":[{\"N\":\"2\"},{\"N\":\"1\"}]}"),
        ("\"added\":{\"S\":\"x\"},\"kept\":{\"S\":\"k\"}", "\"kept\":{\"S\":\"k\"},\"removed\":{\"S\":\"y\"}"),
        ("\"dup\":{\"S\":\"1\"},\"dup\":{\"S\":\"2\"}", "\"dup\":{\"S\":\"2\"}"),
        ("\"dup\":{\"S\":\"2\"}", "\"dup\":{\"S\":\"1\"},\"dup\":{\"S\":\"2\"}"),
        ("\"n\\u0041me\":{\"S\":\"x\"}", "\"nAme\":{\"S\":\"y\"}"),
        ("\"b\":{\"S\":\"1\"},\"a\":{\"S\":\"2\"},\"\\u00e9\":{\"N\":\"1\"}", "\"a\":{\"S\":\"3\"},\"b\":{\"S\":\"1\"}"),
        ("\"x\":{\"BOOL\":true}", "\"x\":{\"S\":\"true\"}"),
        ("\"m\":{\"M\":{\"a\":{\"N\":\"1\"},\"k\":{\"S\":\"same\"}}}", "\"m\":{\"M\":{\"a\":{\"N\":\"2\"},\"k\":{\"S\":\"same\"}}}"),
        ("\"s\":{\"S\":\"\\u0061\"},\"t\":{\"S\":\"\\n\"}", "\"s\":{\"S\":\"a\"},\"t\":{\"S\":\"n\"}"),
        ("\"a\": { \"N\" : \"1\" },\"b\":{\"B\":\"AAEC\"}", "\"a\":{\"N\":\"1\"},\"b\":{\"B\":\"AwQF\"}"),
        ("\"x\":{\"NULL\":true},\"y\":{\"BOOL\":false}", "\"x\":{\"BOOL\":true},\"y\":{ \"BOOL\" :false}"),
    ];

    private static IEnumerable<string> Records()
    {
        var sequence = 1;
        foreach (var attributes in Attributes.Concat(Invalid))
        {
            yield return Fixtures.Record($"{sequence++}", "o-1", attributes);
        }
        foreach (var (newAttributes, oldAttributes) in Modifies)
        {
            yield return Fixtures.Record($"{sequence++}", "o-2", newAttributes, "MODIFY", oldAttributes);
        }
        foreach (var (key, image) in new[]
                 {
                     ("{\"orderId\":{\"N\":\"1001.50\"}}", "{\"orderId\":{\"N\":\"1001.50\"}}"),
                     ("{\"orderId\":{\"B\":\"aGk/+w==\"}}", "{\"orderId\":{\"B\":\"aGk/+w==\"}}"),
                     ("{\"orderId\":{\"S\":\"a\\/b \\u00fc\"}}", "{\"orderId\":{\"S\":\"a/b ü\"}}"),
                     ("{\"orderId\":{\"S\":\"1\"},\"orderId\":{\"S\":\"2\"}}", "{\"orderId\":{\"S\":\"2\"}}"),
                     ("{\"orderId\":{\"BOOL\":true}}", "{\"orderId\":{\"BOOL\":true}}"),
                     ("{\"other\":{\"S\":\"x\"}}", "{\"other\":{\"S\":\"x\"}}"),
                     ("{\"orderId\":{\"N\":\"01\"}}", "{\"orderId\":{\"S\":\"x\"}}"),
                     ("{\"orderId\":{\"S\":\"\"}}", "{\"orderId\":{\"S\":\"\"}}"),
                 })
        {
            var record = Fixtures.Record($"{sequence++}", "placeholder");
            record = record.Replace("\"Keys\":{\"orderId\":{\"S\":\"placeholder\"}}", $"\"Keys\":{key}", StringComparison.Ordinal)
                .Replace("\"NewImage\":{\"orderId\":{\"S\":\"placeholder\"}}", $"\"NewImage\":{image}", StringComparison.Ordinal);
            yield return record;
        }
    }

    private string Outcome(ProcessedDocumentBuilder builder, DynamoDBEvent.DynamodbStreamRecord record)
    {
        try
        {
            var document = builder.Build(record, FixedTime.Default);
            return $"{document.ObjectKey}\n{document.RecordId}\n{Encoding.UTF8.GetString(document.Body)}";
        }
        catch (RecordException error)
        {
            return "error: " + error.Message;
        }
    }

    [Test]
    public void Fixture_records_build_the_same_bytes_on_both_paths()
    {
        foreach (var record in Fixtures.StreamEvent().Records.Where(r => r.EventName != "REMOVE"))
        {
            Assert.That(Outcome(_fast, record), Is.EqualTo(Outcome(_general, record)), record.Dynamodb.SequenceNumber);
        }
    }

    [Test]
    public void Every_value_kind_escape_diff_and_limit_case_builds_the_same_bytes_or_error_on_both_paths()
    {
        var records = Lambda.Event<DynamoDBEvent>(Fixtures.Event([.. Records()])).Records;
        Assert.That(records, Has.Count.GreaterThan(40));
        Assert.Multiple(() =>
        {
            foreach (var record in records)
            {
                Assert.That(Outcome(_fast, record), Is.EqualTo(Outcome(_general, record)), record.Dynamodb.SequenceNumber);
            }
        });
    }

    [Test]
    public void A_pooled_document_has_the_same_body_and_gives_its_buffer_back()
    {
        var record = Fixtures.StreamEvent().Records[1];
        var plain = _fast.Build(record, FixedTime.Default);
        var pooled = _fast.BuildPooled(record, plain.RecordId, FixedTime.Default);
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
