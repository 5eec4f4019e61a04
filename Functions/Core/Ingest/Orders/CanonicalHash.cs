using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>SHA-256 (lower-case hex) of an order's attributes written as compact JSON with every map's keys in
/// ordinal order: two bodies that differ only in whitespace or key order hash the same, any other difference does
/// not. Numbers hash by their text, so <c>12.5</c> and <c>12.50</c> differ.</summary>
public static class CanonicalHash
{
    public static string Of(Dictionary<string, AttributeValue> attributes)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMap(writer, attributes);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteMap(Utf8JsonWriter writer, Dictionary<string, AttributeValue> map)
    {
        writer.WriteStartObject();
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            Write(writer, map[key]);
        }

        writer.WriteEndObject();
    }

    // Tagged like DynamoDB JSON, so a string "1" and a number 1 never collide.
    private static void Write(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        if (value.S is not null)
        {
            writer.WriteString("S", value.S);
        }
        else if (value.N is not null)
        {
            writer.WriteString("N", value.N);
        }
        else if (value.BOOL is { } flag)
        {
            writer.WriteBoolean("BOOL", flag);
        }
        else if (value.M is not null)
        {
            writer.WritePropertyName("M");
            WriteMap(writer, value.M);
        }
        else if (value.L is not null)
        {
            writer.WriteStartArray("L");
            foreach (var element in value.L)
            {
                Write(writer, element);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteBoolean("NULL", true);
        }

        writer.WriteEndObject();
    }
}
