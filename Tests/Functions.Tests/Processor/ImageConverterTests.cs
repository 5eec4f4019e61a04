using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Tests.Processor;

/// <summary>
/// The hand-written image scanner (<see cref="ImageConverter"/>) on its own: it must take every valid image below
/// (not fall back) and write exactly the general path's bytes, and it must decline everything it cannot vouch for.
/// </summary>
public sealed class ImageConverterTests
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = int.MaxValue };

    private static string Nested(int levels)
    {
        var value = "{\"S\":\"leaf\"}";
        for (var i = 0; i < levels; i++)
        {
            value = i % 2 == 0 ? $"{{\"M\":{{\"k\":{value}}}}}" : $"{{\"L\":[{value}]}}";
        }
        return $"{{\"deep\":{value}}}";
    }

    private static IEnumerable<string> Valid() =>
    [
        "{}",
        """{"s":{"S":"plain"},"e":{"S":""},"n":{"N":"-12.5e-3"},"b":{"B":"aGk/+w=="},"t":{"BOOL":true},"z":{"NULL":true}}""",
        """{"esc":{"S":"q\" b\\ \/ \b\f\n\r\t \u0000\u001f \u00e9 \u2028 \ud83d\ude00"}}""",
        "{\"raw\":{\"S\":\"Zürich 東京 \ud83d\ude00\"}}",
        """{"n38":{"N":"12345678901234567890123456789012345678"},"big":{"N":"9.9999999999999999999999999999999999999E+125"},"tiny":{"N":"1E-130"},"zero":{"N":"-0.000e+999"}}""",
        """{"m":{"M":{"a":{"L":[{"M":{}},{"L":[]},{"SS":["x","y\n"]},{"NS":["1","2.50"]},{"BS":["AAEC",""]}]}}}}""",
        "{\"pr\u00e9nom\":{\"S\":\"x\"},\"\ud83d\ude00\":{\"S\":\"y\"},\"d\u007fl\":{\"N\":\"0\"},\"<a&b>'+`\":{\"S\":\"z\"}}",
        """{"m":{"M":{"n\u0041me \ud83d\ude00 \n":{"S":"escaped nested name"}}}}""",
        "\r\n { \"w\" : { \"S\" : \"x\" } ,\n\t\"l\" : { \"L\" : [ { \"N\" : \"1\" } , { \"BOOL\" : false } ] } } \n",
        Nested(32),
    ];

    private static IEnumerable<byte[]> Declined() =>
    [
        .. new[]
        {
            "", "[]", "{", """{"a":{"S":"x"}""", """{"a":{"S":"x"}} trailing""", """{"a":{"S":"x"},}""",
            "{\"a\":{\"S\":\"raw control \u0001\"}}", """{"a":{"S":"\x"}}""", """{"a":{"S":"\u12G4"}}""",
            """{"a":{"S":"\ud800"}}""", """{"a":{"S":"\udc00\ud800"}}""", """{"a":{"N":"\u0031"}}""",
            """{"a":{"N":"01"}}""", """{"a":{"N":"1E+126"}}""", """{"a":{"B":"\u0041AAA"}}""", """{"a":{"B":"A"}}""",
            """{"a":{"\u0053":"escaped tag"}}""", """{"a":{"DATE":"x"}}""", """{"a":{"S":"x","N":"1"}}""", """{"a":{}}""",
            """{"a":{"BOOL":1}}""", """{"a":{"NULL":false}}""", """{"a":{"M":[]}}""", """{"a":{"L":{}}}""",
            """{"a":{"SS":[1]}}""", """{"":{"S":"empty name"}}""",
            Nested(33), "{\"big\":{\"S\":\"" + new string('x', 410_000) + "\"}}",
        }.Select(Encoding.UTF8.GetBytes),
        [(byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'{', (byte)'"', (byte)'S', (byte)'"', (byte)':',
            (byte)'"', (byte)'x', (byte)'"', (byte)'}', (byte)'}'],
    ];

    private static string General(string image)
    {
        using var document = JsonDocument.Parse(image, DocumentOptions);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            AttributeValueJson.WriteMap(writer, document.RootElement, "NewImage");
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [TestCaseSource(nameof(Valid))]
    public void A_valid_image_converts_on_the_hot_path_to_the_general_paths_bytes(string image)
    {
        var output = new ByteBuffer(16);
        var converted = ImageConverter.TryConvert(Encoding.UTF8.GetBytes(image), output, topLevel: null);
        Assert.Multiple(() =>
        {
            Assert.That(converted, Is.True);
            Assert.That(Encoding.UTF8.GetString(output.Written), Is.EqualTo(General(image)));
        });
    }

    [TestCaseSource(nameof(Declined))]
    public void Input_the_hot_path_cannot_vouch_for_is_declined(byte[] image) =>
        Assert.That(ImageConverter.TryConvert(image, new ByteBuffer(16), topLevel: null), Is.False);

    [Test]
    public void Top_level_attributes_are_collected_for_the_diff_and_an_escaped_top_level_name_is_declined()
    {
        var image = """{"a":{"S":"x\n"},"m":{"M":{"inner":{"N":"1"}}},"b":{"BOOL":true}}"""u8.ToArray();
        var attributes = new List<ImageAttribute>();
        Assert.That(ImageConverter.TryConvert(image, new ByteBuffer(16), attributes), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(attributes.Select(a => Encoding.UTF8.GetString(a.Name(image))), Is.EqualTo(new[] { "a", "m", "b" }));
            Assert.That(attributes.Select(a => Encoding.UTF8.GetString(a.Content(image))),
                Is.EqualTo(new[] { "x\\n", """{"inner":{"N":"1"}}""", "true" }));
            Assert.That(attributes.Select(a => a.ContentEscaped), Is.EqualTo(new[] { true, false, false }));
            Assert.That(ImageConverter.TryConvert("""{"\u0061":{"S":"x"}}"""u8, new ByteBuffer(16), attributes), Is.False);
        });
    }
}
