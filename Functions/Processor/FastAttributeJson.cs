using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The hot path of <see cref="AttributeValueJson"/>: one <see cref="Utf8JsonReader"/> pass over an image's UTF-8
/// DynamoDB JSON, writing the same plain JSON with the same <see cref="Utf8JsonWriter"/> calls and computing the same
/// DynamoDB item size, with no <see cref="JsonDocument"/> and no per-attribute objects.
/// </summary>
/// <remarks>
/// It only ever says "written" for input that <see cref="AttributeValueJson.WriteMap"/> writes without error, and then
/// writes the very same bytes. Anything it does not handle itself (any invalid value, a limit exceeded, escaped
/// numbers or base64, duplicate or escaped top-level names in a diff) makes it answer <c>false</c>; the caller then
/// discards what was written and runs the <see cref="JsonElement"/> path, which produces the output or the exact
/// error message. So errors keep their paths and wording, and the fast path only has to be right on valid items.
/// </remarks>
internal static class FastAttributeJson
{
    // The image was already read (and depth-limited) as part of the event; depth is checked against DynamoDB's
    // limit while converting, so the reader itself must not stop first.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 1024 };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = int.MaxValue };

    private enum Tag { None, S, N, B, Bool, Null, M, L, SS, NS, BS }

    /// <summary>Writes the image as plain JSON; false when the fast path cannot vouch for the result.</summary>
    /// <param name="writer">The document writer.</param>
    /// <param name="image">The image as UTF-8 DynamoDB JSON.</param>
    /// <param name="topLevel">When given, cleared and filled with the image's attributes for
    /// <see cref="TryChangedAttributes"/>; an escaped attribute name then answers false.</param>
    public static bool TryWriteMap(Utf8JsonWriter writer, ReadOnlySpan<byte> image, List<Entry>? topLevel = null)
    {
        topLevel?.Clear();
        try
        {
            var reader = new Utf8JsonReader(image, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            return TryWriteMapCore(writer, ref reader, image, level: 0, topLevel, out var size) &&
                   size <= DynamoDbLimits.MaxItemBytes;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The key attribute's text as <see cref="AttributeValueJson.ScalarText"/> returns it; null when the fast path
    /// cannot decide (missing, duplicated, malformed: the caller takes the <see cref="JsonElement"/> path).
    /// </summary>
    public static string? TryScalarText(ReadOnlySpan<byte> keys, string keyAttribute)
    {
        try
        {
            var reader = new Utf8JsonReader(keys, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? text = null;
            var matches = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals(keyAttribute))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                matches++;
                reader.Read();
                text = ScalarText(ref reader);
            }
            return matches == 1 ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// <see cref="AttributeDiff.ChangedAttributes"/> for two images already written by <see cref="TryWriteMap"/>, from
    /// the top-level attributes it collected; null when the fast path cannot decide.
    /// </summary>
    public static List<string>? TryChangedAttributes(
        ReadOnlyMemory<byte> newImage, List<Entry> newEntries, ReadOnlyMemory<byte> oldImage, List<Entry> oldEntries)
    {
        Span<bool> matched = oldEntries.Count <= 256 ? stackalloc bool[256] : new bool[oldEntries.Count];
        var changed = new List<string>();
        var newSpan = newImage.Span;
        var oldSpan = oldImage.Span;
        for (var i = 0; i < newEntries.Count; i++)
        {
            var entry = newEntries[i];
            var name = entry.Name(newSpan);
            var j = i < oldEntries.Count && oldEntries[i].Name(oldSpan).SequenceEqual(name) ? i : Find(oldEntries, oldSpan, name);
            if (j < 0)
            {
                changed.Add(Encoding.UTF8.GetString(name));
                continue;
            }
            if (matched[j])
            {
                return null; // a name twice: the dictionary semantics of the general path decide
            }

            matched[j] = true;
            var left = entry.Value(newImage);
            var right = oldEntries[j].Value(oldImage);
            if (!left.Span.SequenceEqual(right.Span) && !SameValue(left, right))
            {
                changed.Add(Encoding.UTF8.GetString(name));
            }
        }

        for (var j = 0; j < oldEntries.Count; j++)
        {
            if (matched[j])
            {
                continue;
            }
            var name = oldEntries[j].Name(oldSpan);
            for (var k = 0; k < oldEntries.Count; k++)
            {
                if (k != j && oldEntries[k].Name(oldSpan).SequenceEqual(name))
                {
                    return null;
                }
            }
            changed.Add(Encoding.UTF8.GetString(name));
        }

        changed.Sort(StringComparer.Ordinal);
        return changed;
    }

    private static bool SameValue(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right)
    {
        using var l = JsonDocument.Parse(left, DocumentOptions);
        using var r = JsonDocument.Parse(right, DocumentOptions);
        return AttributeDiff.SameValue(l.RootElement, r.RootElement);
    }

    private static int Find(List<Entry> entries, ReadOnlySpan<byte> image, ReadOnlySpan<byte> name)
    {
        for (var j = 0; j < entries.Count; j++)
        {
            if (entries[j].Name(image).SequenceEqual(name))
            {
                return j;
            }
        }
        return -1;
    }

    /// <summary>A top-level attribute: where its (unescaped) name and its raw value lie in the image.</summary>
    internal readonly record struct Entry(int NameStart, int NameLength, int ValueStart, int ValueLength)
    {
        public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> image) => image.Slice(NameStart, NameLength);

        public ReadOnlyMemory<byte> Value(ReadOnlyMemory<byte> image) => image.Slice(ValueStart, ValueLength);
    }

    private static string? ScalarText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() ||
            reader.TokenType != JsonTokenType.PropertyName)
        {
            return null;
        }

        var tag = Classify(ref reader);
        if (tag is not (Tag.S or Tag.N or Tag.B) || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        if (tag != Tag.S && (reader.ValueIsEscaped ||
                             (tag == Tag.N ? DynamoDbNumber.Check(reader.ValueSpan) is not null : !Base64.IsValid(reader.ValueSpan))))
        {
            return null;
        }

        var text = reader.GetString();
        return reader.Read() && reader.TokenType == JsonTokenType.EndObject ? text : null;
    }

    /// <summary>At a StartObject of attribute values; on success the reader is at its EndObject.</summary>
    private static bool TryWriteMapCore(
        Utf8JsonWriter writer, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int level, List<Entry>? topLevel,
        out long size)
    {
        size = 0;
        writer.WriteStartObject();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var nameStart = checked((int)reader.TokenStartIndex + 1);
            var nameLength = reader.ValueSpan.Length;
            long nameBytes;
            if (reader.ValueIsEscaped)
            {
                if (topLevel is not null || !TryWriteEscapedName(writer, ref reader, out nameBytes))
                {
                    return false;
                }
            }
            else
            {
                var name = reader.ValueSpan;
                nameBytes = name.Length;
                if (nameBytes is 0 or > DynamoDbLimits.MaxAttributeNameBytes)
                {
                    return false;
                }
                writer.WritePropertyName(name);
            }

            if (!reader.Read())
            {
                return false;
            }
            var valueStart = checked((int)reader.TokenStartIndex);
            if (!TryWriteValueCore(writer, ref reader, json, level, out var valueSize))
            {
                return false;
            }
            topLevel?.Add(new Entry(nameStart, nameLength, valueStart, checked((int)reader.BytesConsumed) - valueStart));

            // Inside an M each element costs one byte more; the item's own attributes do not.
            size += nameBytes + valueSize + (level > 0 ? 1 : 0);
        }
        writer.WriteEndObject();
        return true;
    }

    /// <summary>An escaped attribute name, unescaped and written as the general path writes a name string.</summary>
    private static bool TryWriteEscapedName(Utf8JsonWriter writer, ref Utf8JsonReader reader, out long nameBytes)
    {
        var raw = reader.ValueSpan;
        char[]? rented = null;
        Span<char> chars = raw.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var name = chars[..reader.CopyString(chars)];
            nameBytes = Encoding.UTF8.GetByteCount(name);
            if (nameBytes is 0 or > DynamoDbLimits.MaxAttributeNameBytes)
            {
                return false;
            }
            writer.WritePropertyName(name);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>At the StartObject of <c>{"TAG": content}</c>; on success the reader is at its EndObject.</summary>
    private static bool TryWriteValueCore(
        Utf8JsonWriter writer, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int level, out long size)
    {
        size = 0;
        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() ||
            reader.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        var tag = Classify(ref reader);
        if (tag == Tag.None || !reader.Read())
        {
            return false;
        }

        bool written;
        switch (tag)
        {
            case Tag.S:
                written = TryWriteString(writer, ref reader, json, out size);
                break;
            case Tag.N:
                written = TryWriteNumber(writer, ref reader, out size);
                break;
            case Tag.B:
                written = TryWriteBinary(writer, ref reader, json, out size);
                break;
            case Tag.Bool:
                written = reader.TokenType is JsonTokenType.True or JsonTokenType.False;
                if (written)
                {
                    writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                    size = 1;
                }
                break;
            case Tag.Null:
                written = reader.TokenType == JsonTokenType.True;
                if (written)
                {
                    writer.WriteNullValue();
                    size = 1;
                }
                break;
            case Tag.M:
                written = level < DynamoDbLimits.MaxNestingLevels && reader.TokenType == JsonTokenType.StartObject &&
                          TryWriteMapCore(writer, ref reader, json, level + 1, topLevel: null, out size);
                size += 3;
                break;
            case Tag.L:
                written = level < DynamoDbLimits.MaxNestingLevels &&
                          TryWriteList(writer, ref reader, json, level + 1, out size);
                break;
            default:
                written = TryWriteSet(writer, ref reader, json, tag, out size);
                break;
        }

        // Exactly one type tag.
        return written && reader.Read() && reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryWriteList(
        Utf8JsonWriter writer, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int nested, out long size)
    {
        size = 3;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        writer.WriteStartArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryWriteValueCore(writer, ref reader, json, nested, out var item))
            {
                return false;
            }
            size += 1 + item;
        }
        writer.WriteEndArray();
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryWriteSet(
        Utf8JsonWriter writer, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Tag tag, out long size)
    {
        size = 0;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        writer.WriteStartArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            long item;
            var written = tag switch
            {
                Tag.SS => TryWriteString(writer, ref reader, json, out item),
                Tag.NS => TryWriteNumber(writer, ref reader, out item),
                _ => TryWriteBinary(writer, ref reader, json, out item),
            };
            if (!written)
            {
                return false;
            }
            size += item;
        }
        writer.WriteEndArray();
        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>The string token copied as received (quotes included); its size is its unescaped UTF-8 bytes.</summary>
    private static bool TryWriteString(Utf8JsonWriter writer, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out long size)
    {
        size = 0;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var raw = reader.ValueSpan;
        writer.WriteRawValue(json.Slice(checked((int)reader.TokenStartIndex), raw.Length + 2), skipInputValidation: true);
        if (!reader.ValueIsEscaped)
        {
            size = raw.Length;
            return true;
        }

        char[]? rented = null;
        Span<char> chars = raw.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            size = Encoding.UTF8.GetByteCount(chars[..reader.CopyString(chars)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
        return true;
    }

    /// <summary>The digits as sent, if they are a DynamoDB number; escaped text is left to the general path.</summary>
    private static bool TryWriteNumber(Utf8JsonWriter writer, ref Utf8JsonReader reader, out long size)
    {
        size = 0;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var digits = reader.ValueSpan;
        if (DynamoDbNumber.Check(digits) is not null)
        {
            return false;
        }
        writer.WriteRawValue(digits, skipInputValidation: true);
        size = (digits.Length + 1) / 2 + 1;
        return true;
    }

    /// <summary>Valid base64 text, kept as its quoted token; escaped text is left to the general path.</summary>
    private static bool TryWriteBinary(Utf8JsonWriter writer, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out long size)
    {
        size = 0;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        if (!Base64.IsValid(text))
        {
            return false;
        }
        writer.WriteRawValue(json.Slice(checked((int)reader.TokenStartIndex), text.Length + 2), skipInputValidation: true);
        var padding = text.EndsWith("=="u8) ? 2 : text.EndsWith("="u8) ? 1 : 0;
        size = text.Length / 4 * 3 - padding;
        return true;
    }

    private static Tag Classify(ref Utf8JsonReader reader)
    {
        // Ordered by how often each type appears in order data.
        if (reader.ValueTextEquals("S"u8))
        {
            return Tag.S;
        }
        if (reader.ValueTextEquals("N"u8))
        {
            return Tag.N;
        }
        if (reader.ValueTextEquals("M"u8))
        {
            return Tag.M;
        }
        if (reader.ValueTextEquals("L"u8))
        {
            return Tag.L;
        }
        if (reader.ValueTextEquals("BOOL"u8))
        {
            return Tag.Bool;
        }
        if (reader.ValueTextEquals("NULL"u8))
        {
            return Tag.Null;
        }
        if (reader.ValueTextEquals("SS"u8))
        {
            return Tag.SS;
        }
        if (reader.ValueTextEquals("NS"u8))
        {
            return Tag.NS;
        }
        if (reader.ValueTextEquals("B"u8))
        {
            return Tag.B;
        }
        return reader.ValueTextEquals("BS"u8) ? Tag.BS : Tag.None;
    }
}
