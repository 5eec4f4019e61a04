using System.Buffers;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Token checks over UTF-8 JSON (RFC 8259) for the hand-written scanners (<see cref="ImageConverter"/>,
/// <see cref="StreamEventReader"/>): whitespace, string tokens with their escapes, numbers, literals and whole values.
/// Each answers false for anything that is not valid JSON, never throws, and leaves UTF-8 validity to the caller,
/// which checks the whole input once (<see cref="System.Text.Unicode.Utf8.IsValid"/>).
/// </summary>
internal static class JsonScan
{

    // What ends a run of plain string bytes: the closing quote, an escape, or a control character (invalid there).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f"u8 +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"u8);

    public static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }
        return i;
    }

    /// <summary>
    /// A string token starting at <paramref name="i"/> (its opening quote); on success <paramref name="i"/> is past
    /// the closing quote and <paramref name="escaped"/> says whether it holds a backslash escape.
    /// </summary>
    public static bool TryString(ReadOnlySpan<byte> json, ref int i, out bool escaped)
    {
        escaped = false;
        if (i >= json.Length || json[i] != '"')
        {
            return false;
        }

        var at = i + 1;
        while (true)
        {
            var stop = json[at..].IndexOfAny(StringStops);
            if (stop < 0)
            {
                return false;
            }
            at += stop;
            if (json[at] == '"')
            {
                i = at + 1;
                return true;
            }
            if (json[at] != '\\' || !TryEscape(json, ref at))
            {
                return false;
            }
            escaped = true;
        }
    }

    /// <summary>One escape at <paramref name="at"/> (its backslash); on success <paramref name="at"/> is past it.</summary>
    private static bool TryEscape(ReadOnlySpan<byte> json, ref int at)
    {
        if (at + 1 >= json.Length)
        {
            return false;
        }
        switch (json[at + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                at += 2;
                return true;
            case (byte)'u':
                if (at + 6 > json.Length || HexValue(json.Slice(at + 2, 4)) < 0)
                {
                    return false;
                }
                at += 6;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The UTF-8 length of a valid string token's content (without quotes) once unescaped; -1 when an escape is an
    /// unpaired surrogate, which no string can hold (the general path then reports it).
    /// </summary>
    public static long UnescapedLength(ReadOnlySpan<byte> content)
    {
        long length = 0;
        var i = 0;
        while (i < content.Length)
        {
            var backslash = content[i..].IndexOf((byte)'\\');
            if (backslash < 0)
            {
                return length + content.Length - i;
            }
            length += backslash;
            i += backslash;
            if (content[i + 1] != 'u')
            {
                length++;
                i += 2;
                continue;
            }

            var unit = HexValue(content.Slice(i + 2, 4));
            i += 6;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 6 > content.Length || content[i] != '\\' || content[i + 1] != 'u' ||
                    HexValue(content.Slice(i + 2, 4)) is < 0xDC00 or > 0xDFFF)
                {
                    return -1;
                }
                length += 4;
                i += 6;
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return -1;
            }
            else
            {
                length += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
            }
        }
        return length;
    }

    /// <summary>A number token (RFC 8259 §6) starting at <paramref name="i"/>; on success <paramref name="i"/> is
    /// past it.</summary>
    public static bool TryNumber(ReadOnlySpan<byte> json, ref int i)
    {
        var end = i;
        while (end < json.Length && json[end] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or
                   (byte)'.' or (byte)'e' or (byte)'E')
        {
            end++;
        }
        if (!JsonNumberSyntax.IsValid(json[i..end]))
        {
            return false;
        }
        i = end;
        return true;
    }

    /// <summary><paramref name="literal"/> (<c>true</c>, <c>false</c>, <c>null</c>) at <paramref name="i"/>.</summary>
    public static bool TryLiteral(ReadOnlySpan<byte> json, ref int i, ReadOnlySpan<byte> literal)
    {
        if (!json[i..].StartsWith(literal))
        {
            return false;
        }
        i += literal.Length;
        return true;
    }

    /// <summary>
    /// Any JSON value starting at <paramref name="i"/> (no whitespace before it), nested at most
    /// <paramref name="depthLeft"/> levels; on success <paramref name="i"/> is past it.
    /// </summary>
    /// <remarks>One loop over the tokens with the open containers in a bit stack (objects 1, arrays 0): an image is
    /// a few hundred short tokens, and a call per token costs more than the token. Past 64 levels it goes on
    /// recursively.</remarks>
    public static bool TrySkipValue(ReadOnlySpan<byte> json, ref int i, int depthLeft)
    {
        var at = i;
        var depth = 0;
        ulong objects = 0;
        var expectName = false;
        while (true)
        {
            // At a value, or at a name when expectName.
            if (at >= json.Length)
            {
                return false;
            }
            var c = json[at];
            if (expectName)
            {
                if (!TryString(json, ref at, out _))
                {
                    return false;
                }
                at = SkipWhitespace(json, at);
                if (at >= json.Length || json[at] != ':')
                {
                    return false;
                }
                at = SkipWhitespace(json, at + 1);
                expectName = false;
                continue;
            }

            if (c is (byte)'{' or (byte)'[')
            {
                if (depth == depthLeft)
                {
                    return false;
                }
                if (depth == 64)
                {
                    if (!TrySkipNested(json, ref at, depthLeft - depth))
                    {
                        return false;
                    }
                }
                else
                {
                    var isObject = c == '{';
                    at = SkipWhitespace(json, at + 1);
                    if (at < json.Length && json[at] == (isObject ? (byte)'}' : (byte)']'))
                    {
                        at++;
                    }
                    else
                    {
                        objects = isObject ? objects | (1UL << depth) : objects & ~(1UL << depth);
                        depth++;
                        expectName = isObject;
                        continue;
                    }
                }
            }
            else if (!TryScalar(json, ref at, c))
            {
                return false;
            }

            // After a value: the end, a comma, or the end of its container(s).
            while (true)
            {
                if (depth == 0)
                {
                    i = at;
                    return true;
                }
                at = SkipWhitespace(json, at);
                if (at >= json.Length)
                {
                    return false;
                }
                var inObject = (objects & (1UL << (depth - 1))) != 0;
                c = json[at];
                if (c == ',')
                {
                    at = SkipWhitespace(json, at + 1);
                    expectName = inObject;
                    break;
                }
                if (c != (inObject ? (byte)'}' : (byte)']'))
                {
                    return false;
                }
                at++;
                depth--;
            }
        }
    }

    private static bool TryScalar(ReadOnlySpan<byte> json, ref int i, byte first) => first switch
    {
        (byte)'"' => TryString(json, ref i, out _),
        (byte)'t' => TryLiteral(json, ref i, "true"u8),
        (byte)'f' => TryLiteral(json, ref i, "false"u8),
        (byte)'n' => TryLiteral(json, ref i, "null"u8),
        _ => TryNumber(json, ref i),
    };

    /// <summary>A container past the bit stack's 64 levels, checked recursively.</summary>
    private static bool TrySkipNested(ReadOnlySpan<byte> json, ref int i, int depthLeft)
    {
        if (depthLeft <= 0)
        {
            return false;
        }
        var isObject = json[i] == '{';
        var close = isObject ? (byte)'}' : (byte)']';
        var at = SkipWhitespace(json, i + 1);
        if (at < json.Length && json[at] == close)
        {
            i = at + 1;
            return true;
        }

        while (true)
        {
            if (isObject)
            {
                if (!TryString(json, ref at, out _))
                {
                    return false;
                }
                at = SkipWhitespace(json, at);
                if (at >= json.Length || json[at] != ':')
                {
                    return false;
                }
                at = SkipWhitespace(json, at + 1);
            }
            if (at >= json.Length)
            {
                return false;
            }
            var ok = json[at] is (byte)'{' or (byte)'['
                ? TrySkipNested(json, ref at, depthLeft - 1)
                : TryScalar(json, ref at, json[at]);
            if (!ok)
            {
                return false;
            }
            at = SkipWhitespace(json, at);
            if (at >= json.Length)
            {
                return false;
            }
            if (json[at] == close)
            {
                i = at + 1;
                return true;
            }
            if (json[at] != ',')
            {
                return false;
            }
            at = SkipWhitespace(json, at + 1);
        }
    }

    private static int HexValue(ReadOnlySpan<byte> four)
    {
        var value = 0;
        foreach (var c in four)
        {
            var digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
