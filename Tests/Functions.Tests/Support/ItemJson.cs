using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>
/// DynamoDB items as canonical DynamoDB JSON (<c>{"name":{"S":"..."}}</c>, attributes in ordinal name order, two-space
/// indentation, non-ASCII kept as is), so an item compares with its golden as text and a difference reads as a diff.
/// </summary>
internal static class ItemJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Dictionary<string, AttributeValue> item) => Write(writer => Item(writer, item));

    public static string Write(IEnumerable<Dictionary<string, AttributeValue>> items) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            Item(writer, item);
        }

        writer.WriteEndArray();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void Item(Utf8JsonWriter writer, Dictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            Value(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        if (value.S is { } s)
        {
            writer.WriteString("S", s);
        }
        else if (value.N is { } n)
        {
            writer.WriteString("N", n);
        }
        else if (value.BOOL is { } flag)
        {
            writer.WriteBoolean("BOOL", flag);
        }
        else if (value.NULL is true)
        {
            writer.WriteBoolean("NULL", true);
        }
        else if (value.M is { } map)
        {
            writer.WritePropertyName("M");
            Item(writer, map);
        }
        else if (value.L is { } list)
        {
            writer.WriteStartArray("L");
            foreach (var element in list)
            {
                Value(writer, element);
            }

            writer.WriteEndArray();
        }
        else if (value.SS is { } strings)
        {
            writer.WriteStartArray("SS");
            strings.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }
        else if (value.NS is { } numbers)
        {
            writer.WriteStartArray("NS");
            numbers.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }
        else
        {
            throw new ArgumentException("An attribute value with no type set cannot be pinned.", nameof(value));
        }

        writer.WriteEndObject();
    }
}
