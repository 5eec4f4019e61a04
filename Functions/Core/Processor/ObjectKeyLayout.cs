using System.Security.Cryptography;
using System.Text;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Where a processed document lands (docs/contracts.md, "Object key"):
/// <c>&lt;prefix&gt;/yyyy/MM/dd/&lt;safe-id&gt;.json</c>, dated by the record's creation time so a replay writes the
/// same key.
/// </summary>
public static class ObjectKeyLayout
{
    public const int MaxSafeIdLength = 200;

    public static string Build(string prefix, DateTimeOffset recordCreatedAt, string id)
    {
        var safeId = SafeId(id);
        return string.Create(prefix.Length + 12 + safeId.Length + 5, (prefix, recordCreatedAt.UtcDateTime, safeId),
            static (key, parts) =>
            {
                parts.prefix.CopyTo(key);
                var at = parts.prefix.Length;
                key[at++] = '/';
                at += StreamRecordFields.WriteDate(parts.Item2, key[at..], '/');
                key[at++] = '/';
                parts.safeId.CopyTo(key[at..]);
                ".json".CopyTo(key[(at + parts.safeId.Length)..]);
            });
    }

    /// <summary>
    /// The id itself when it is 1–200 characters of <c>A-Z a-z 0-9 _ . -</c> and not <c>.</c> or <c>..</c>;
    /// else its UTF-8 bytes percent-encoded (unreserved kept; the dots of <c>.</c>/<c>..</c> encoded);
    /// else, when that exceeds 200 characters, <c>sha256-&lt;hex&gt;</c> of the UTF-8 id.
    /// </summary>
    public static string SafeId(string id)
    {
        if (id.Length == 0)
        {
            throw new RecordException("The record id is empty.");
        }

        if (id is "." or "..")
        {
            return id.Replace(".", "%2E", StringComparison.Ordinal);
        }

        if (id.Length <= MaxSafeIdLength && id.AsSpan().IndexOfAnyExcept(PlainCharacters) < 0)
        {
            return id;
        }

        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(id);
        }
        catch (EncoderFallbackException)
        {
            throw new RecordException("The record id is not valid Unicode (unpaired surrogate).");
        }

        var encoded = PercentEncode(utf8);
        return encoded.Length <= MaxSafeIdLength
            ? encoded
            : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(utf8));
    }

    private static string PercentEncode(byte[] utf8)
    {
        var builder = new StringBuilder(utf8.Length * 3);
        foreach (var b in utf8)
        {
            if (Unreserved.Contains(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
            }
        }
        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> PlainCharacters = System.Buffers.SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-");

    // RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~".
    private static readonly System.Buffers.SearchValues<byte> Unreserved = System.Buffers.SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"u8);

    private const string HexUpper = "0123456789ABCDEF";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
