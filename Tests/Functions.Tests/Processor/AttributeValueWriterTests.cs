using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

/// <summary>
/// The one conversion from the SDK's attribute values to the document's JSON (docs/contracts.md, "Attribute values
/// as JSON"), through a writer configured as the document builder's.
/// </summary>
public sealed class AttributeValueWriterTests
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Convert(string attributeValue) =>
        Write(writer => AttributeValueWriter.WriteValue(writer, StreamFixtures.Value(attributeValue), "value"));

    private static string Convert(AttributeValue? value) =>
        Write(writer => AttributeValueWriter.WriteValue(writer, value, "value"));

    [TestCase("""{"S":"hello"}""", "\"hello\"")]
    [TestCase("""{"N":"42"}""", "42")]
    [TestCase("""{"N":"-0.001"}""", "-0.001")]
    [TestCase("""{"N":"1E+10"}""", "1E+10")]
    [TestCase("""{"B":"aGVsbG8gd29ybGQ="}""", "\"aGVsbG8gd29ybGQ=\"")]
    [TestCase("""{"BOOL":true}""", "true")]
    [TestCase("""{"BOOL":false}""", "false")]
    [TestCase("""{"NULL":true}""", "null")]
    [TestCase("""{"M":{"a":{"S":"x"},"b":{"N":"1"}}}""", """{"a":"x","b":1}""")]
    [TestCase("""{"L":[{"S":"x"},{"N":"2"},{"NULL":true}]}""", """["x",2,null]""")]
    [TestCase("""{"SS":["a","b"]}""", """["a","b"]""")]
    [TestCase("""{"NS":["1","2.5","-0.001"]}""", "[1,2.5,-0.001]")]
    [TestCase("""{"BS":["AAEC","AwQF"]}""", """["AAEC","AwQF"]""")]
    [TestCase("""{"M":{}}""", "{}")]
    [TestCase("""{"L":[]}""", "[]")]
    [TestCase("""{"SS":[]}""", "[]")]
    [TestCase("""{"B":""}""", "\"\"")]
    public void Converts_every_attribute_type_to_plain_json(string attributeValue, string expected) =>
        Assert.That(Convert(attributeValue), Is.EqualTo(expected));

    [TestCase("12345678901234567890.123456789012345678")]
    [TestCase("99999999999999999999999999999999999999")]
    [TestCase("-0.00000000000000000000000000000000000001")]
    [TestCase("1.0000000000000000000000000000000000001E+125")]
    public void Numbers_with_38_significant_digits_survive_byte_for_byte(string digits)
    {
        var json = Convert("""{"M":{"n":{"N":"DIGITS"},"s":{"NS":["DIGITS"]}}}""".Replace("DIGITS", digits));
        Assert.That(json, Is.EqualTo($$$"""{"n":{{{digits}}},"s":[{{{digits}}}]}"""));
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("+1")]
    [TestCase("01")]
    [TestCase(".5")]
    [TestCase("5.")]
    [TestCase("1e")]
    [TestCase(" 1")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("1,5")]
    [TestCase("١")]
    public void An_invalid_number_fails_with_the_attribute_path(string text)
    {
        var error = Assert.Throws<RecordException>(() => Convert("""{"M":{"total":{"N":"TEXT"}}}""".Replace("TEXT", text)));
        Assert.That(error!.Message, Is.EqualTo($"value.total: '{text}' is not a valid number."));
    }

    [Test]
    public void An_invalid_number_inside_a_number_set_fails_naming_its_index() =>
        Assert.That(Assert.Throws<RecordException>(() => Convert("""{"NS":["1","two"]}"""))!.Message,
            Is.EqualTo("value[1]: 'two' is not a valid number."));

    [Test]
    public void A_value_with_no_type_set_fails_naming_its_path()
    {
        // {"DATE": ...} is an unknown tag: once the Lambda package or the SDK has read it, nothing is set.
        var error = Assert.Throws<RecordException>(() => Convert("""{"L":[{"S":"ok"},{"DATE":"2026-01-01"}]}"""));
        Assert.That(error!.Message, Is.EqualTo(
            "value[1]: an attribute value must have a type tag. None of S, N, B, BOOL, NULL, M, L, SS, NS or BS is set; " +
            "an unknown type tag reads as none."));
    }

    [TestCase("""{"S":"a","N":"1"}""", "value: an attribute value must have exactly one type tag.")]
    [TestCase("""{"BOOL":true,"NULL":true}""", "value: an attribute value must have exactly one type tag.")]
    [TestCase("""{}""", "value: an attribute value must have a type tag.")]
    [TestCase("""{"NULL":false}""", "value: NULL must be true.")]
    [TestCase("""{"M":{"x":null}}""", "value.x: an attribute value must be an object with one type tag.")]
    [TestCase("""{"L":[null]}""", "value[0]: an attribute value must be an object with one type tag.")]
    [TestCase("""{"SS":[null]}""", "value[0]: SS must hold strings.")]
    [TestCase("""{"NS":[null]}""", "value[0]: N must be a string holding a number.")]
    [TestCase("""{"M":{"":{"S":"x"}}}""", "value.: an attribute name is 0 bytes;")]
    public void Malformed_values_fail_with_a_clear_message(string attributeValue, string message)
    {
        var error = Assert.Throws<RecordException>(() => Convert(attributeValue));
        Assert.That(error!.Message, Does.StartWith(message));
    }

    [Test]
    public void A_null_value_fails_like_a_json_null() =>
        Assert.That(Assert.Throws<RecordException>(() => Convert((AttributeValue?)null))!.Message,
            Is.EqualTo("value: an attribute value must be an object with one type tag."));

    [Test]
    public void Text_with_an_unpaired_surrogate_fails_naming_its_path() => Assert.Multiple(() =>
    {
        Assert.That(Assert.Throws<RecordException>(() => Convert(new AttributeValue { S = "a\uD800b" }))!.Message,
            Is.EqualTo("value: S holds an unpaired surrogate, which is not text."));
        Assert.That(Assert.Throws<RecordException>(() => Convert(new AttributeValue
            {
                M = new() { ["bad\uDC00"] = new() { S = "x" } },
            }))!.Message,
            Is.EqualTo("value.bad\uDC00: an attribute name holds an unpaired surrogate, which is not text."));
    });

    [Test]
    public void Strings_keep_every_character_and_escape_only_what_json_requires()
    {
        var text = "q\" b\\ / \b\f\n\r\t \u0000\u001f \u007f é \u2028 \uFEFF 東京 \U0001F600 <a&b>'+`";
        Assert.That(Convert(new AttributeValue { SS = [text] }), Is.EqualTo(
            "[\"q\\\" b\\\\ / \\b\\f\\n\\r\\t \\u0000\\u001F \u007f é \u2028 \uFEFF 東京 \U0001F600 <a&b>'+`\"]"));
    }

    [Test]
    public void Attribute_names_are_escaped_by_the_writers_encoder() =>
        Assert.That(Convert(new AttributeValue
            {
                M = new()
                {
                    ["pr\u00e9nom"] = new() { S = "x" },
                    ["\U0001F600"] = new() { S = "y" },
                    ["d\u007fl"] = new() { N = "0" },
                    ["<a&b>'"] = new() { S = "z" },
                    ["a\"b\n"] = new() { BOOL = true },
                },
            }),
            Is.EqualTo("{\"pr\u00e9nom\":\"x\",\"\\uD83D\\uDE00\":\"y\",\"d\\u007Fl\":0,\"<a&b>'\":\"z\",\"a\\\"b\\n\":true}"));

    [Test]
    public void Binary_values_are_the_whole_stream_as_base64_whatever_its_position()
    {
        var stream = new MemoryStream();
        stream.Write([1, 2, 3]);
        Assert.That(stream.Position, Is.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(Convert(new AttributeValue { B = stream }), Is.EqualTo("\"AQID\""));
            Assert.That(Convert(new AttributeValue { BS = [new MemoryStream([255]), new MemoryStream()] }), Is.EqualTo("""["/w==",""]"""));
        });
    }

    [Test]
    public void Key_text_of_a_number_key_is_its_decimal_text_and_of_a_binary_key_its_base64() => Assert.Multiple(() =>
    {
        Assert.That(AttributeValueWriter.ScalarText(StreamFixtures.Value("""{"N":"1234.50"}"""), "k"), Is.EqualTo("1234.50"));
        Assert.That(AttributeValueWriter.ScalarText(StreamFixtures.Value("""{"B":"AAEC"}"""), "k"), Is.EqualTo("AAEC"));
        Assert.That(AttributeValueWriter.ScalarText(StreamFixtures.Value("""{"S":"a/b"}"""), "k"), Is.EqualTo("a/b"));
        Assert.That(Assert.Throws<RecordException>(
                () => AttributeValueWriter.ScalarText(StreamFixtures.Value("""{"BOOL":true}"""), "k"))!.Message,
            Is.EqualTo("k: a key attribute must be of type S, N or B, not 'BOOL'."));
    });
}
