using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Writes an item's attribute values (the AWS SDK's <see cref="AttributeValue"/>) as plain JSON (docs/contracts.md,
/// "Attribute values as JSON"): S→string, N→number with exactly the digits sent, B→base64 string, BOOL, NULL→null,
/// M→object, L→array, SS/NS/BS→arrays in the order given. It checks DynamoDB's limits on the way
/// (<see cref="DynamoDbLimits"/>: nesting, attribute names, numbers, item size); anything else is a
/// <see cref="RecordException"/> naming the attribute path.
/// </summary>
public static class AttributeValueWriter
{
    /// <summary>Writes an image (an item) as a JSON object, checking it against DynamoDB's limits.</summary>
    public static void WriteImage(Utf8JsonWriter writer, Dictionary<string, AttributeValue> image, string path)
    {
        try
        {
            var size = WriteMap(writer, image, level: 0);
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

    /// <summary>Writes one value (no item-size check).</summary>
    public static void WriteValue(Utf8JsonWriter writer, AttributeValue? value, string path)
    {
        try
        {
            WriteValue(writer, value, level: 0);
        }
        catch (AttributePathException error)
        {
            throw new RecordException($"{path}{error.Path}: {error.Reason}");
        }
    }

    /// <summary>The key attribute's value as text: S as is, N as its decimal text, B as its base64 text.</summary>
    public static string ScalarText(AttributeValue? value, string path)
    {
        try
        {
            return AttributeTypes.Of(value) switch
            {
                AttributeType.S => value!.S,
                AttributeType.N => CheckedNumber(value!.N),
                AttributeType.B => Convert.ToBase64String(Bytes(value!.B)),
                var other => throw new AttributePathException(
                    $"a key attribute must be of type S, N or B, not '{other}'."),
            };
        }
        catch (AttributePathException error)
        {
            throw new RecordException($"{path}{error.Path}: {error.Reason}");
        }
    }

    /// <summary>Writes a map; returns its attributes' size by DynamoDB's rules (names, values, element bytes).</summary>
    /// <param name="level">How many M/L levels enclose the map (0 for the item itself).</param>
    private static long WriteMap(Utf8JsonWriter writer, Dictionary<string, AttributeValue> map, int level)
    {
        long size = 0;
        writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            var utf8Name = Utf8Text.Encode(name, out var valid);
            if (utf8Name.Length is 0 or > DynamoDbLimits.MaxAttributeNameBytes || !valid)
            {
                var reason = valid
                    ? $"an attribute name is {utf8Name.Length} bytes; DynamoDB attribute names are 1 to " +
                      $"{DynamoDbLimits.MaxAttributeNameBytes} bytes (less than 64 KB)."
                    : "an attribute name holds an unpaired surrogate, which is not text.";
                throw new AttributePathException(reason).Under(AttributePathException.Segment(name));
            }
            var nameBytes = utf8Name.Length;
            writer.WritePropertyName(utf8Name);
            try
            {
                // Inside an M each element costs one byte more; the item's own attributes do not.
                size += nameBytes + WriteValue(writer, value, level) +
                    (level > 0 ? DynamoDbItemSizing.ElementBytes : 0);
            }
            catch (AttributePathException error)
            {
                throw error.Under(AttributePathException.Segment(name));
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
    private static long WriteValue(Utf8JsonWriter writer, AttributeValue? value, int level)
    {
        switch (AttributeTypes.Of(value))
        {
            case AttributeType.S:
                return Utf8Text.WriteString(writer, value!.S, "S");
            case AttributeType.N:
                return WriteNumber(writer, value!.N);
            case AttributeType.B:
                return WriteBinary(writer, value!.B);
            case AttributeType.BOOL:
                writer.WriteBooleanValue(value!.BOOL!.Value);
                return DynamoDbItemSizing.BooleanOrNullBytes;
            case AttributeType.NULL:
                if (value!.NULL != true)
                {
                    throw new AttributePathException("NULL must be true.");
                }
                writer.WriteNullValue();
                return DynamoDbItemSizing.BooleanOrNullBytes;
            case AttributeType.M:
                return DynamoDbItemSizing.ContainerBytes + WriteMap(writer, value!.M, Nested(level));
            case AttributeType.L:
                return WriteList(writer, value!.L, Nested(level));
            case AttributeType.SS:
                return WriteSet(writer, value!.SS, static (w, item) => Utf8Text.WriteString(
                    w, item ?? throw new AttributePathException("SS must hold strings."), "SS"));
            case AttributeType.NS:
                return WriteSet(writer, value!.NS, WriteNumber);
            default:
                return WriteSet(writer, value!.BS, WriteBinary);
        }
    }

    /// <summary>The level of an M or L inside a value at <paramref name="level"/>, within DynamoDB's limit.</summary>
    private static int Nested(int level) =>
        level < DynamoDbLimits.MaxNestingLevels
            ? level + 1
            : throw new AttributePathException(
                $"nests M/L deeper than {DynamoDbLimits.MaxNestingLevels} levels; DynamoDB allows at most " +
                $"{DynamoDbLimits.MaxNestingLevels}.");

    private static long WriteList(Utf8JsonWriter writer, List<AttributeValue> items, int level)
    {
        long size = DynamoDbItemSizing.ContainerBytes;
        writer.WriteStartArray();
        for (var index = 0; index < items.Count; index++)
        {
            try
            {
                size += DynamoDbItemSizing.ElementBytes + WriteValue(writer, items[index], level);
            }
            catch (AttributePathException error)
            {
                throw error.Under($"[{index}]");
            }
        }
        writer.WriteEndArray();
        return size;
    }

    /// <summary>An SS, NS or BS: each element written by <paramref name="writeItem"/>, which returns its size; a set
    /// costs only its elements.</summary>
    private static long WriteSet<T>(Utf8JsonWriter writer, List<T> items, Func<Utf8JsonWriter, T, long> writeItem)
    {
        long size = 0;
        writer.WriteStartArray();
        for (var index = 0; index < items.Count; index++)
        {
            try
            {
                size += writeItem(writer, items[index]);
            }
            catch (AttributePathException error)
            {
                throw error.Under($"[{index}]");
            }
        }
        writer.WriteEndArray();
        return size;
    }

    /// <summary>Writes the number's digits exactly as sent, once checked against DynamoDB's number type.</summary>
    private static long WriteNumber(Utf8JsonWriter writer, string? text)
    {
        var digits = NumberDigits(text);
        writer.WriteRawValue(digits, skipInputValidation: true);
        return DynamoDbItemSizing.NumberBytes(digits.Length);
    }

    private static string CheckedNumber(string text)
    {
        NumberDigits(text);
        return text;
    }

    /// <summary>The number text as UTF-8, checked (<see cref="DynamoDbNumber.Check"/>).</summary>
    private static ReadOnlySpan<byte> NumberDigits(string? text)
    {
        if (text is null)
        {
            throw new AttributePathException("N must be a string holding a number.");
        }
        var digits = Utf8Text.Encode(text, out var valid);
        var problem = valid ? DynamoDbNumber.Check(digits) : "is not a valid number.";
        return problem is null
            ? digits
            : throw new AttributePathException($"'{AttributePathException.Truncate(text)}' {problem}");
    }

    private static long WriteBinary(Utf8JsonWriter writer, MemoryStream? value)
    {
        var bytes = Bytes(value);
        writer.WriteBase64StringValue(bytes);
        return bytes.Length;
    }

    /// <summary>A binary value's bytes: the whole stream, whatever its position (as the SDK sends it).</summary>
    internal static ReadOnlySpan<byte> Bytes(MemoryStream? value)
    {
        if (value is null)
        {
            throw new AttributePathException("B must be a base64 string.");
        }
        return value.TryGetBuffer(out var buffer) ? buffer.AsSpan() : value.ToArray();
    }
}
