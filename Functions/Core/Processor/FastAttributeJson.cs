using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The hot path's key and diff: the record id from the key's UTF-8 DynamoDB JSON with one
/// <see cref="Utf8JsonReader"/> pass, and the changed attributes of a MODIFY from the top-level attributes
/// <see cref="ImageConverter"/> collected, with no <see cref="JsonDocument"/> unless a changed value is a map, list
/// or set.
/// </summary>
/// <remarks>
/// Each answers null when it cannot vouch for the general path's answer (a malformed key, a name twice, an escaped
/// name); the caller then takes the <see cref="JsonElement"/> path, which gives the answer or the exact error.
/// </remarks>
internal static class FastAttributeJson
{
    // Depth is checked against DynamoDB's limit while converting, so the reader itself must not stop first.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 1024 };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = int.MaxValue };

    private enum Tag { None, S, N, B, Bool, Null, M, L, SS, NS, BS }

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
    /// <see cref="AttributeDiff.ChangedAttributes"/> for two images already converted by <see cref="ImageConverter"/>,
    /// from the top-level attributes it collected; null when the fast path cannot decide.
    /// </summary>
    public static List<string>? TryChangedAttributes(
        ReadOnlyMemory<byte> newImage, List<ImageAttribute> newEntries, ReadOnlyMemory<byte> oldImage, List<ImageAttribute> oldEntries)
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
            if (!SameValue(newImage, entry, oldImage, oldEntries[j]))
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

    /// <summary><see cref="AttributeDiff.SameValue"/>: scalars of one type compare by their content (unless escaped,
    /// where equal text can be spelled two ways); maps, lists and sets by the general comparison.</summary>
    private static bool SameValue(
        ReadOnlyMemory<byte> newImage, ImageAttribute newAttribute, ReadOnlyMemory<byte> oldImage, ImageAttribute oldAttribute)
    {
        var left = newAttribute.Value(newImage);
        var right = oldAttribute.Value(oldImage);
        if (left.Span.SequenceEqual(right.Span))
        {
            return true;
        }
        if (newAttribute.Tag != oldAttribute.Tag)
        {
            return false;
        }
        if (newAttribute.IsScalar && !newAttribute.ContentEscaped && !oldAttribute.ContentEscaped)
        {
            return newAttribute.Content(newImage.Span).SequenceEqual(oldAttribute.Content(oldImage.Span));
        }
        return SameStructuredValue(left, right);
    }

    private static bool SameStructuredValue(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right)
    {
        using var l = JsonDocument.Parse(left, DocumentOptions);
        using var r = JsonDocument.Parse(right, DocumentOptions);
        return AttributeDiff.SameValue(l.RootElement, r.RootElement);
    }

    private static int Find(List<ImageAttribute> entries, ReadOnlySpan<byte> image, ReadOnlySpan<byte> name)
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
