using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Text of an item as UTF-8, for the document writer: attribute names and S values are transcoded once into a
/// per-thread buffer, which also gives their size by DynamoDB's rules (UTF-8 bytes).
/// </summary>
/// <remarks>
/// String values are written the way DynamoDB Streams sends them and the processor has always copied them: only what
/// JSON requires is escaped (<c>"</c>, <c>\</c> and control characters, as <c>\n</c>, <c>\t</c>, ... or
/// <c>\u00XX</c>), and every other character stays as it is, emoji and <c>U+2028</c> included. (The writer's
/// encoder would escape those.) Property names go through the writer's encoder, as they always did.
/// </remarks>
internal static class Utf8Text
{
    private static readonly SearchValues<byte> NeedEscaping = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (byte)c), (byte)'"', (byte)'\\']);

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    [ThreadStatic]
    private static byte[]? _text;

    [ThreadStatic]
    private static byte[]? _escaped;

    /// <summary>The UTF-8 of <paramref name="text"/>, valid until the next call on this thread;
    /// <paramref name="valid"/> is false when the text holds an unpaired surrogate, which has no UTF-8.</summary>
    public static ReadOnlySpan<byte> Encode(string text, out bool valid)
    {
        var buffer = Buffer(ref _text, text.Length * 3);
        valid = Utf8.FromUtf16(text, buffer, out _, out var written, replaceInvalidSequences: false) ==
                OperationStatus.Done;
        return buffer.AsSpan(0, written);
    }

    /// <summary>Writes a string value; returns its UTF-8 byte count.</summary>
    public static long WriteString(Utf8JsonWriter writer, string text, string tag)
    {
        // Transcoded after one byte of room, so that the quotes go around it in place.
        var buffer = Buffer(ref _text, text.Length * 3 + 2);
        if (Utf8.FromUtf16(text, buffer.AsSpan(1), out _, out var length, replaceInvalidSequences: false) !=
            OperationStatus.Done)
        {
            throw new AttributePathException($"{tag} holds an unpaired surrogate, which is not text.");
        }
        var utf8 = buffer.AsSpan(1, length);
        if (utf8.IndexOfAny(NeedEscaping) < 0)
        {
            buffer[0] = (byte)'"';
            buffer[length + 1] = (byte)'"';
            writer.WriteRawValue(buffer.AsSpan(0, length + 2), skipInputValidation: true);
        }
        else
        {
            writer.WriteRawValue(Escape(utf8), skipInputValidation: true);
        }
        return length;
    }

    /// <summary>The quoted JSON string of <paramref name="utf8"/>, escaping only what JSON requires.</summary>
    private static ReadOnlySpan<byte> Escape(ReadOnlySpan<byte> utf8)
    {
        var output = Buffer(ref _escaped, utf8.Length * 6 + 2);
        var at = 0;
        output[at++] = (byte)'"';
        while (utf8.Length > 0)
        {
            var plain = utf8.IndexOfAny(NeedEscaping);
            if (plain < 0)
            {
                plain = utf8.Length;
            }
            utf8[..plain].CopyTo(output.AsSpan(at));
            at += plain;
            if (plain == utf8.Length)
            {
                break;
            }
            at += EscapeByte(utf8[plain], output.AsSpan(at));
            utf8 = utf8[(plain + 1)..];
        }
        output[at++] = (byte)'"';
        return output.AsSpan(0, at);
    }

    private static int EscapeByte(byte c, Span<byte> output)
    {
        output[0] = (byte)'\\';
        var shortForm = c switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            (byte)'\b' => (byte)'b',
            (byte)'\f' => (byte)'f',
            (byte)'\n' => (byte)'n',
            (byte)'\r' => (byte)'r',
            (byte)'\t' => (byte)'t',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            output[1] = shortForm;
            return 2;
        }
        "u00"u8.CopyTo(output[1..]);
        output[4] = Hex[c >> 4];
        output[5] = Hex[c & 0xF];
        return 6;
    }

    private static byte[] Buffer(ref byte[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, 1024)];
        }
        return buffer;
    }
}
