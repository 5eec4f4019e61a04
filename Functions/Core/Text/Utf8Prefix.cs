using System.Text;

namespace OrdersPipeline.Functions.Text;

/// <summary>Cuts text to a UTF-8 byte budget on a character boundary: the remediation function's finding items and the
/// file door's kept start of an over-long record.</summary>
public static class Utf8Prefix
{
    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="maxBytes"/> of UTF-8 that does not
    /// split a surrogate pair.</summary>
    public static string Of(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var bytes = 0;
        var length = 0;
        while (length < text.Length)
        {
            var width = char.IsSurrogatePair(text, length) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(length, width));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            length += width;
        }

        return text[..length];
    }
}
