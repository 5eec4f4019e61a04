using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using static OrdersPipeline.Functions.Processor.AttributeValueJson;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The hot path of <see cref="AttributeValueJson.WriteMap"/>: one hand-written pass over an image's UTF-8 DynamoDB
/// JSON that writes the same plain JSON bytes and computes the same DynamoDB item size, without a JSON reader or
/// writer. Strings, numbers and base64 are copied as the tokens they are in the source (the general path copies them
/// as raw tokens too); only the type wrappers go, and attribute names are escaped as the document writer escapes them.
/// </summary>
/// <remarks>
/// It says "converted" only for input that the general path converts without error, and then the output is the very
/// same bytes. Anything else (not valid JSON, an invalid value, a limit exceeded, an escaped number, base64 or type
/// tag, an unpaired surrogate escape) answers <c>false</c>: the caller discards the output and runs the general path,
/// which writes the document or throws the record's exact error. It checks the JSON itself, so it does not depend on
/// the event having been read by a validating reader.
/// </remarks>
internal ref struct ImageConverter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly ReadOnlySpan<byte> _json;
    private readonly ByteBuffer _output;
    private readonly List<ImageAttribute>? _topLevel;
    private int _at;

    private ImageConverter(ReadOnlySpan<byte> json, ByteBuffer output, List<ImageAttribute>? topLevel)
    {
        _json = json;
        _output = output;
        _topLevel = topLevel;
    }

    /// <summary>Writes the image as plain JSON into <paramref name="output"/> (cleared first); false when the fast
    /// path cannot vouch for the result.</summary>
    /// <param name="image">The image as UTF-8 DynamoDB JSON.</param>
    /// <param name="output">Receives the plain JSON object.</param>
    /// <param name="topLevel">When given, cleared and filled with the image's attributes for the diff; an escaped
    /// attribute name then answers false.</param>
    /// <param name="knownValidUtf8">The image's UTF-8 was already checked (the event reader checked the event's).</param>
    public static bool TryConvert(
        ReadOnlySpan<byte> image, ByteBuffer output, List<ImageAttribute>? topLevel, bool knownValidUtf8 = false)
    {
        output.Clear();
        topLevel?.Clear();
        if (!knownValidUtf8 && !Utf8.IsValid(image))
        {
            return false;
        }

        var converter = new ImageConverter(image, output, topLevel) { _at = JsonScan.SkipWhitespace(image, 0) };
        return converter.TryMap(level: 0, out var size) &&
               JsonScan.SkipWhitespace(image, converter._at) == image.Length &&
               size <= DynamoDbLimits.MaxItemBytes;
    }

    private readonly byte Current => _at < _json.Length ? _json[_at] : (byte)0;

    /// <summary>Past <paramref name="expected"/> and the whitespace after it.</summary>
    private bool TrySkip(byte expected)
    {
        if (Current != expected)
        {
            return false;
        }
        _at = JsonScan.SkipWhitespace(_json, _at + 1);
        return true;
    }

    /// <summary>An object of attribute values at <see cref="_at"/>; <paramref name="level"/> as in
    /// <see cref="AttributeValueJson"/> (how many M/L levels enclose it).</summary>
    private bool TryMap(int level, out long size)
    {
        size = 0;
        if (!TrySkip((byte)'{'))
        {
            return false;
        }

        _output.Append((byte)'{');
        if (TrySkip((byte)'}'))
        {
            _output.Append((byte)'}');
            return true;
        }

        var topLevel = level == 0 ? _topLevel : null;
        while (true)
        {
            var nameStart = _at;
            if (!JsonScan.TryString(_json, ref _at, out var nameEscaped) ||
                !TryWriteName(nameStart, nameEscaped, topLevel is not null, out var nameBytes))
            {
                return false;
            }
            _at = JsonScan.SkipWhitespace(_json, _at);
            if (!TrySkip((byte)':'))
            {
                return false;
            }

            var valueStart = _at;
            if (!TryValue(level, out var valueSize, out var scalar))
            {
                return false;
            }
            topLevel?.Add(new ImageAttribute(nameStart + 1, (int)nameBytes, valueStart, _at - valueStart, scalar.Tag,
                scalar.Start, scalar.Length, scalar.Escaped));

            // Inside an M each element costs one byte more; the item's own attributes do not.
            size += nameBytes + valueSize + (level > 0 ? 1 : 0);
            _at = JsonScan.SkipWhitespace(_json, _at);
            if (TrySkip((byte)'}'))
            {
                _output.Append((byte)'}');
                return true;
            }
            if (!TrySkip((byte)','))
            {
                return false;
            }
            _output.Append((byte)',');
        }
    }

    /// <summary><c>"name":</c> as the document writer writes the unescaped name; its unescaped UTF-8 length must be
    /// within DynamoDB's limits.</summary>
    private readonly bool TryWriteName(int tokenStart, bool escaped, bool forDiff, out long nameBytes)
    {
        var raw = _json[(tokenStart + 1)..(_at - 1)];
        nameBytes = raw.Length;
        if (escaped)
        {
            // Rare: unescape, then escape as the writer would. A top-level name must be raw for the diff.
            return !forDiff && TryWriteEscapedName(_json[tokenStart.._at], out nameBytes);
        }
        if (nameBytes is 0 or > DynamoDbLimits.MaxAttributeNameBytes)
        {
            return false;
        }

        // A raw token holds no quote, backslash or control character; of the rest, the writer's encoder escapes
        // only DEL among ASCII, and asks its tables for anything else.
        if (raw.IndexOfAnyInRange((byte)0x7F, (byte)0xFF) >= 0 && Encoder.FindFirstCharacterToEncodeUtf8(raw) >= 0)
        {
            WriteEncodedName(raw);
            return true;
        }
        _output.Append((byte)'"');
        _output.Append(raw);
        _output.Append("\":"u8);
        return true;
    }

    private readonly bool TryWriteEscapedName(ReadOnlySpan<byte> token, out long nameBytes)
    {
        nameBytes = 0;
        var length = JsonScan.UnescapedLength(token[1..^1]);
        if (length is <= 0 or > DynamoDbLimits.MaxAttributeNameBytes)
        {
            return false;
        }

        // CopyString wants room for the escaped form.
        var reader = new Utf8JsonReader(token);
        reader.Read();
        var room = token.Length <= 256 ? stackalloc byte[256] : new byte[token.Length];
        var name = room[..reader.CopyString(room)];
        nameBytes = length;
        WriteEncodedName(name);
        return true;
    }

    private readonly void WriteEncodedName(ReadOnlySpan<byte> name)
    {
        _output.Append((byte)'"');
        _output.Append(JsonEncodedText.Encode(name, Encoder).EncodedUtf8Bytes);
        _output.Append("\":"u8);
    }

    /// <summary>A scalar's content as <see cref="ImageAttribute"/> keeps it; <see cref="Tag"/> says which type the
    /// value was.</summary>
    private readonly record struct Scalar(Tag Tag, int Start, int Length, bool Escaped);

    /// <summary>One <c>{"TAG": content}</c> at <see cref="_at"/>; on success <see cref="_at"/> is past it.</summary>
    private bool TryValue(int level, out long size, out Scalar scalar)
    {
        size = 0;
        scalar = default;
        if (!TrySkip((byte)'{') || !TryTag(out var tag) || !TrySkip((byte)':'))
        {
            return false;
        }

        var contentStart = _at;
        var escaped = false;
        bool converted;
        switch (tag)
        {
            case Tag.S:
                converted = TryStringValue(out size, out escaped);
                break;
            case Tag.N:
                converted = TryNumberValue(out size);
                break;
            case Tag.B:
                converted = TryBinaryValue(out size);
                break;
            case Tag.Bool:
                converted = TryLiteral("true"u8) || TryLiteral("false"u8);
                size = 1;
                break;
            case Tag.Null:
                converted = JsonScan.TryLiteral(_json, ref _at, "true"u8);
                if (converted)
                {
                    _output.Append("null"u8);
                }
                size = 1;
                break;
            case Tag.M:
                converted = level < DynamoDbLimits.MaxNestingLevels && TryMap(level + 1, out size);
                size += 3;
                break;
            case Tag.L:
                converted = level < DynamoDbLimits.MaxNestingLevels && TryList(level + 1, out size);
                break;
            default:
                converted = TrySet(tag, out size);
                break;
        }
        if (!converted)
        {
            return false;
        }

        if (tag is Tag.S or Tag.N or Tag.B)
        {
            scalar = new Scalar(tag, contentStart + 1, _at - contentStart - 2, escaped);
        }
        else
        {
            scalar = new Scalar(tag, contentStart, _at - contentStart, false);
        }

        // Exactly one type tag.
        _at = JsonScan.SkipWhitespace(_json, _at);
        if (Current != '}')
        {
            return false;
        }
        _at++;
        return true;
    }

    /// <summary>The type tag's name: one of ten plain tokens, matched by length and letters without a string scan
    /// (an escaped or unknown tag is left to the general path).</summary>
    private bool TryTag(out Tag tag)
    {
        tag = default;
        var rest = _json[_at..];
        var length = rest.Length >= 3 && rest[0] == '"' ? rest[1..Math.Min(rest.Length, 6)].IndexOf((byte)'"') : -1;
        var known = length switch
        {
            1 => TryOneLetterTag(rest[1], out tag),
            2 => rest[2] == 'S' && TrySetTag(rest[1], out tag),
            4 => TryWordTag(rest.Slice(1, 4), out tag),
            _ => false,
        };
        if (!known)
        {
            return false;
        }
        _at = JsonScan.SkipWhitespace(_json, _at + length + 2);
        return true;
    }

    private static bool TryOneLetterTag(byte letter, out Tag tag)
    {
        tag = letter switch
        {
            (byte)'S' => Tag.S,
            (byte)'N' => Tag.N,
            (byte)'M' => Tag.M,
            (byte)'L' => Tag.L,
            (byte)'B' => Tag.B,
            _ => (Tag)(-1),
        };
        return tag >= 0;
    }

    private static bool TrySetTag(byte letter, out Tag tag)
    {
        tag = letter switch
        {
            (byte)'S' => Tag.SS,
            (byte)'N' => Tag.NS,
            (byte)'B' => Tag.BS,
            _ => (Tag)(-1),
        };
        return tag >= 0;
    }

    private static bool TryWordTag(ReadOnlySpan<byte> word, out Tag tag)
    {
        tag = word.SequenceEqual("BOOL"u8) ? Tag.Bool : word.SequenceEqual("NULL"u8) ? Tag.Null : (Tag)(-1);
        return tag >= 0;
    }

    private bool TryLiteral(ReadOnlySpan<byte> literal)
    {
        if (!JsonScan.TryLiteral(_json, ref _at, literal))
        {
            return false;
        }
        _output.Append(literal);
        return true;
    }

    /// <summary>The string token copied as received (quotes included); its size is its unescaped UTF-8 bytes.</summary>
    private bool TryStringValue(out long size, out bool escaped)
    {
        size = 0;
        var start = _at;
        if (!JsonScan.TryString(_json, ref _at, out escaped))
        {
            return false;
        }

        var token = _json[start.._at];
        size = escaped ? JsonScan.UnescapedLength(token[1..^1]) : token.Length - 2;
        _output.Append(token);
        return size >= 0;
    }

    /// <summary>The digits as sent, if they are a DynamoDB number; escaped text is left to the general path.</summary>
    private bool TryNumberValue(out long size)
    {
        size = 0;
        var start = _at;
        if (!JsonScan.TryString(_json, ref _at, out var escaped) || escaped)
        {
            return false;
        }

        var digits = _json[(start + 1)..(_at - 1)];
        if (DynamoDbNumber.Check(digits) is not null)
        {
            return false;
        }
        _output.Append(digits);
        size = (digits.Length + 1) / 2 + 1;
        return true;
    }

    /// <summary>Valid base64 text, kept as its quoted token; escaped text is left to the general path.</summary>
    private bool TryBinaryValue(out long size)
    {
        size = 0;
        var start = _at;
        if (!JsonScan.TryString(_json, ref _at, out var escaped) || escaped)
        {
            return false;
        }

        var token = _json[start.._at];
        var text = token[1..^1];
        if (!Base64.IsValid(text))
        {
            return false;
        }
        _output.Append(token);
        var padding = text.EndsWith("=="u8) ? 2 : text.EndsWith("="u8) ? 1 : 0;
        size = text.Length / 4 * 3 - padding;
        return true;
    }

    private bool TryList(int nested, out long size)
    {
        size = 3;
        if (!TrySkip((byte)'['))
        {
            return false;
        }

        _output.Append((byte)'[');
        if (TrySkip((byte)']'))
        {
            _output.Append((byte)']');
            return true;
        }
        while (true)
        {
            if (!TryValue(nested, out var item, out _))
            {
                return false;
            }
            size += 1 + item;
            if (!TryEndOfElement(out var end))
            {
                return false;
            }
            if (end)
            {
                return true;
            }
        }
    }

    private bool TrySet(Tag tag, out long size)
    {
        size = 0;
        if (!TrySkip((byte)'['))
        {
            return false;
        }

        _output.Append((byte)'[');
        if (TrySkip((byte)']'))
        {
            _output.Append((byte)']');
            return true;
        }
        while (true)
        {
            long item;
            var converted = tag switch
            {
                Tag.SS => TryStringValue(out item, out _),
                Tag.NS => TryNumberValue(out item),
                _ => TryBinaryValue(out item),
            };
            if (!converted)
            {
                return false;
            }
            size += item;
            if (!TryEndOfElement(out var end))
            {
                return false;
            }
            if (end)
            {
                return true;
            }
        }
    }

    /// <summary>After an array element: <c>,</c> (another follows) or <c>]</c> (<paramref name="end"/>).</summary>
    private bool TryEndOfElement(out bool end)
    {
        _at = JsonScan.SkipWhitespace(_json, _at);
        end = TrySkip((byte)']');
        if (end)
        {
            _output.Append((byte)']');
            return true;
        }
        if (!TrySkip((byte)','))
        {
            return false;
        }
        _output.Append((byte)',');
        return true;
    }
}
