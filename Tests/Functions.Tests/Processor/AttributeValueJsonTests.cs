using System.Text;
using System.Text.Json;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class AttributeValueJsonTests
{
    private static string Convert(string attributeValue)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeValueJson.WriteValue(writer, Fixtures.Json(attributeValue), "value");
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

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
    public void An_invalid_number_fails_with_the_attribute_path(string text)
    {
        var error = Assert.Throws<RecordException>(() => Convert("""{"M":{"total":{"N":"TEXT"}}}""".Replace("TEXT", text)));
        Assert.That(error!.Message, Does.Contain("value.total").And.Contain("not a valid number"));
    }

    [Test]
    public void An_invalid_number_inside_a_number_set_fails() =>
        Assert.Throws<RecordException>(() => Convert("""{"NS":["1","two"]}"""));

    [Test]
    public void An_unknown_type_tag_fails_naming_the_tag()
    {
        var error = Assert.Throws<RecordException>(() => Convert("""{"L":[{"S":"ok"},{"DATE":"2026-01-01"}]}"""));
        Assert.That(error!.Message, Does.Contain("'DATE'").And.Contain("value[1]"));
    }

    [TestCase("""{"S":"a","N":"1"}""", "exactly one type tag")]
    [TestCase("""{}""", "must have a type tag")]
    [TestCase("\"plain\"", "must be an object")]
    [TestCase("""{"S":5}""", "S must be a string")]
    [TestCase("""{"N":5}""", "N must be a string")]
    [TestCase("""{"BOOL":"true"}""", "BOOL must be true or false")]
    [TestCase("""{"NULL":false}""", "NULL must be true")]
    [TestCase("""{"B":"not base64!"}""", "not valid base64")]
    [TestCase("""{"M":[]}""", "must be an object")]
    [TestCase("""{"L":{}}""", "expected an array")]
    public void Malformed_values_fail_with_a_clear_message(string attributeValue, string message)
    {
        var error = Assert.Throws<RecordException>(() => Convert(attributeValue));
        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void Key_text_of_a_number_key_is_its_decimal_text_and_of_a_binary_key_its_base64() => Assert.Multiple(() =>
    {
        Assert.That(AttributeValueJson.ScalarText(Fixtures.Json("""{"N":"1234.50"}"""), "k"), Is.EqualTo("1234.50"));
        Assert.That(AttributeValueJson.ScalarText(Fixtures.Json("""{"B":"AAEC"}"""), "k"), Is.EqualTo("AAEC"));
        Assert.Throws<RecordException>(() => AttributeValueJson.ScalarText(Fixtures.Json("""{"BOOL":true}"""), "k"));
    });
}
