using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Writes DynamoDB JSON attribute values as plain JSON (docs/contracts.md, "Processed document"): S→string,
/// N→number with exactly the digits sent, B→base64 string, BOOL, NULL, M→object, L→array, SS/NS/BS→arrays.
/// Anything else is a <see cref="RecordException"/> naming the attribute path.
/// </summary>
/// <remarks>
/// Hot path: tags are matched as UTF-8 bytes and strings are copied as the raw JSON tokens they already are
/// (the input was parsed, so they are valid JSON); the attribute path is only built when something fails.
/// </remarks>
public static class AttributeValueJson
{
    /// <summary>
    /// Writes an attribute map (an image) as a JSON object, checking it against DynamoDB's limits
    /// (<see cref="DynamoDbLimits"/>): nesting, attribute names, numbers and the item size.
    /// </summary>
    public static void WriteMap(Utf8JsonWriter writer, JsonElement map, string path)
    {
        try
        {
            var size = WriteMapCore(writer, map, level: 0);
            if (size > DynamoDbLimits.MaxItemBytes)
            {
                throw new AttributePathException(
                    $"the item is {size} bytes by DynamoDB's item-size rules; DynamoDB's item limit is 400 KB " +
                    $"({DynamoDbLimits.MaxItemBytes} bytes).");
            }
        }
        catch (AttributePathException error)
        {
            throw new RecordException($"{path}{error.Path}: {error.Reason}");
        }
    }

    public static void WriteValue(Utf8JsonWriter writer, JsonElement value, string path)
    {
        try
        {
            WriteValueCore(writer, value, level: 0);
        }
        catch (AttributePathException error)
        {
            throw new RecordException($"{path}{error.Path}: {error.Reason}");
        }
    }

    /// <summary>The key attribute's value as text: S as is, N as its decimal text, B as its base64 text.</summary>
    public static string ScalarText(JsonElement value, string path)
    {
        try
        {
            var (tag, content) = Untag(value);
            return tag switch
            {
                Tag.S => RequireString(content, "S"),
                Tag.N => RequireNumberText(content),
                Tag.B => RequireBase64Text(content),
                _ => throw new AttributePathException($"a key attribute must be of type S, N or B, not '{TagName(value)}'."),
            };
        }
        catch (AttributePathException error)
        {
            throw new RecordException($"{path}{error.Path}: {error.Reason}");
        }
    }

    internal enum Tag { S, N, B, Bool, Null, M, L, SS, NS, BS }

    /// <summary>Splits <c>{"TAG": content}</c>; exactly one property is allowed.</summary>
    internal static (Tag Tag, JsonElement Content) Untag(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new AttributePathException("an attribute value must be an object with one type tag.");
        }

        using var properties = value.EnumerateObject();
        if (!properties.MoveNext())
        {
            throw new AttributePathException("an attribute value must have a type tag.");
        }

        var only = properties.Current;
        if (properties.MoveNext())
        {
            throw new AttributePathException("an attribute value must have exactly one type tag.");
        }

        return (Classify(only), only.Value);
    }

    /// <summary>
    /// Writes a map; returns its attributes' size by DynamoDB's rules (names, values, element bytes).
    /// </summary>
    /// <param name="level">How many M/L levels enclose the map (0 for the item itself).</param>
    private static long WriteMapCore(Utf8JsonWriter writer, JsonElement map, int level)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new AttributePathException("must be an object of attribute values.");
        }

        long size = 0;
        writer.WriteStartObject();
        foreach (var attribute in map.EnumerateObject())
        {
            var rawName = JsonMarshal.GetRawUtf8PropertyName(attribute);
            var escaped = rawName.Contains((byte)'\\');
            var nameBytes = escaped ? Encoding.UTF8.GetByteCount(attribute.Name) : rawName.Length;
            if (nameBytes is 0 or > DynamoDbLimits.MaxAttributeNameBytes)
            {
                throw new AttributePathException(
                    $"an attribute name is {nameBytes} bytes; DynamoDB attribute names are 1 to " +
                    $"{DynamoDbLimits.MaxAttributeNameBytes} bytes (less than 64 KB).").Under("." + Truncate(attribute.Name));
            }

            if (escaped)
            {
                writer.WritePropertyName(attribute.Name);
            }
            else
            {
                writer.WritePropertyName(rawName);
            }

            try
            {
                // Inside an M each element costs one byte more; the item's own attributes do not.
                size += nameBytes + WriteValueCore(writer, attribute.Value, level) + (level > 0 ? 1 : 0);
            }
            catch (AttributePathException error)
            {
                throw error.Under("." + Truncate(attribute.Name));
            }
        }
        writer.WriteEndObject();
        return size;
    }

    /// <summary>
    /// Writes one value; returns its size by DynamoDB's rules: text and binary by their bytes, a number by about
    /// one byte per two digits plus one (an upper bound from its text), BOOL and NULL one byte, M and L three bytes
    /// plus one per element plus their elements, sets their elements.
    /// </summary>
    /// <param name="level">How many M/L levels enclose the value.</param>
    private static long WriteValueCore(Utf8JsonWriter writer, JsonElement value, int level)
    {
        var (tag, content) = Untag(value);
        switch (tag)
        {
            case Tag.S:
                RequireKind(content, JsonValueKind.String, "S must be a string.");
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(content), skipInputValidation: true);
                return StringBytes(content);
            case Tag.N:
            {
                var digits = RequireNumber(content);
                writer.WriteRawValue(digits, skipInputValidation: true);
                return NumberBytes(digits);
            }
            case Tag.B:
                writer.WriteRawValue(RequireBase64(content), skipInputValidation: true);
                return BinaryBytes(content);
            case Tag.Bool:
                if (content.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new AttributePathException("BOOL must be true or false.");
                }
                writer.WriteBooleanValue(content.ValueKind == JsonValueKind.True);
                return 1;
            case Tag.Null:
                RequireKind(content, JsonValueKind.True, "NULL must be true.");
                writer.WriteNullValue();
                return 1;
            case Tag.M:
            {
                return 3L + WriteMapCore(writer, content, Nested(level));
            }
            case Tag.L:
            {
                var nested = Nested(level);
                RequireKind(content, JsonValueKind.Array, "expected an array.");
                long size = 3;
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in content.EnumerateArray())
                {
                    try
                    {
                        size += 1 + WriteValueCore(writer, item, nested);
                    }
                    catch (AttributePathException error)
                    {
                        throw error.Under($"[{index}]");
                    }
                    index++;
                }
                writer.WriteEndArray();
                return size;
            }
            case Tag.SS:
                return WriteSet(writer, content, static (w, item) =>
                {
                    RequireKind(item, JsonValueKind.String, "SS must hold strings.");
                    w.WriteRawValue(JsonMarshal.GetRawUtf8Value(item), skipInputValidation: true);
                    return StringBytes(item);
                });
            case Tag.NS:
                return WriteSet(writer, content, static (w, item) =>
                {
                    var digits = RequireNumber(item);
                    w.WriteRawValue(digits, skipInputValidation: true);
                    return NumberBytes(digits);
                });
            case Tag.BS:
                return WriteSet(writer, content, static (w, item) =>
                {
                    w.WriteRawValue(RequireBase64(item), skipInputValidation: true);
                    return BinaryBytes(item);
                });
            default:
                throw new AttributePathException($"unknown attribute type '{tag}'.");
        }
    }

    /// <summary>The level of an M or L inside a value at <paramref name="level"/>, within DynamoDB's limit.</summary>
    private static int Nested(int level) =>
        level < DynamoDbLimits.MaxNestingLevels
            ? level + 1
            : throw new AttributePathException(
                $"nests M/L deeper than {DynamoDbLimits.MaxNestingLevels} levels; DynamoDB allows at most " +
                $"{DynamoDbLimits.MaxNestingLevels}.");

    private static long WriteSet(Utf8JsonWriter writer, JsonElement array, Func<Utf8JsonWriter, JsonElement, long> writeItem)
    {
        RequireKind(array, JsonValueKind.Array, "expected an array.");
        long size = 0;
        writer.WriteStartArray();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            try
            {
                size += writeItem(writer, item);
            }
            catch (AttributePathException error)
            {
                throw error.Under($"[{index}]");
            }
            index++;
        }
        writer.WriteEndArray();
        return size;
    }

    private static long StringBytes(JsonElement content)
    {
        var raw = JsonMarshal.GetRawUtf8Value(content);
        return raw.Contains((byte)'\\') ? Encoding.UTF8.GetByteCount(content.GetString()!) : raw.Length - 2;
    }

    private static long NumberBytes(ReadOnlySpan<byte> digits) => (digits.Length + 1) / 2 + 1;

    private static long BinaryBytes(JsonElement content)
    {
        var text = JsonMarshal.GetRawUtf8Value(content)[1..^1];
        var padding = text.EndsWith("=="u8) ? 2 : text.EndsWith("="u8) ? 1 : 0;
        return text.Length / 4 * 3 - padding;
    }

    private static Tag Classify(JsonProperty tag)
    {
        // Ordered by how often each type appears in order data.
        if (tag.NameEquals("S"u8))
        {
            return Tag.S;
        }

        if (tag.NameEquals("N"u8))
        {
            return Tag.N;
        }

        if (tag.NameEquals("M"u8))
        {
            return Tag.M;
        }

        if (tag.NameEquals("L"u8))
        {
            return Tag.L;
        }

        if (tag.NameEquals("BOOL"u8))
        {
            return Tag.Bool;
        }

        if (tag.NameEquals("NULL"u8))
        {
            return Tag.Null;
        }

        if (tag.NameEquals("SS"u8))
        {
            return Tag.SS;
        }

        if (tag.NameEquals("NS"u8))
        {
            return Tag.NS;
        }

        if (tag.NameEquals("B"u8))
        {
            return Tag.B;
        }

        if (tag.NameEquals("BS"u8))
        {
            return Tag.BS;
        }

        throw new AttributePathException($"unknown attribute type tag '{tag.Name}'.");
    }

    private static string TagName(JsonElement value)
    {
        using var properties = value.EnumerateObject();
        return properties.MoveNext() ? properties.Current.Name : "";
    }

    private static void RequireKind(JsonElement element, JsonValueKind kind, string reason)
    {
        if (element.ValueKind != kind)
        {
            throw new AttributePathException(reason);
        }
    }

    private static string RequireString(JsonElement content, string tag) =>
        content.ValueKind == JsonValueKind.String ? content.GetString()! : throw new AttributePathException($"{tag} must be a string.");

    /// <summary>The number's digits as UTF-8, validated; a JSON string token is its quoted raw bytes.</summary>
    private static ReadOnlySpan<byte> RequireNumber(JsonElement content)
    {
        RequireKind(content, JsonValueKind.String, "N must be a string holding a number.");
        var digits = Unquoted(content);
        return DynamoDbNumber.Check(digits) is { } problem
            ? throw new AttributePathException($"'{Truncate(content.GetString()!)}' {problem}")
            : digits;
    }

    private static string RequireNumberText(JsonElement content)
    {
        RequireNumber(content);
        return content.GetString()!;
    }

    /// <summary>The base64 text as its raw quoted JSON string token, validated.</summary>
    private static ReadOnlySpan<byte> RequireBase64(JsonElement content)
    {
        RequireKind(content, JsonValueKind.String, "B must be a base64 string.");
        return Base64.IsValid(Unquoted(content))
            ? JsonMarshal.GetRawUtf8Value(content)
            : throw new AttributePathException($"'{Truncate(content.GetString()!)}' is not valid base64.");
    }

    private static string RequireBase64Text(JsonElement content)
    {
        RequireBase64(content);
        return content.GetString()!;
    }

    /// <summary>The string's bytes without quotes; an escaped token (never sent for numbers or base64) is
    /// decoded.</summary>
    private static ReadOnlySpan<byte> Unquoted(JsonElement content)
    {
        var raw = JsonMarshal.GetRawUtf8Value(content);
        var inner = raw[1..^1];
        return inner.Contains((byte)'\\') ? Encoding.UTF8.GetBytes(content.GetString()!) : inner;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    /// <summary>A failure deep in a value; each level on the way out prepends its part of the path.</summary>
    internal sealed class AttributePathException(string reason) : Exception(reason)
    {
        public string Reason { get; } = reason;
        public string Path { get; private set; } = "";

        public AttributePathException Under(string segment)
        {
            Path = segment + Path;
            return this;
        }
    }
}
