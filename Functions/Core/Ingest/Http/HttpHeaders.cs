using System.Globalization;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>The request headers the HTTP door reads, looked up without regard to case (API Gateway passes them as
/// the client sent them).</summary>
public static class HttpHeaders
{
    public const string RequestId = "X-Request-Id";
    public const string ContentType = "Content-Type";
    public const string IfMatch = "If-Match";
    public const string ETag = "ETag";
    public const string Allow = "Allow";

    /// <summary>The first value of the header <paramref name="name"/>: from <see cref="HttpRequest.Headers"/>, else
    /// the first of <see cref="HttpRequest.MultiValueHeaders"/>; null when the request has neither.</summary>
    public static string? Find(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers is { } headers)
        {
            foreach (var (key, value) in headers)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        if (request.MultiValueHeaders is { } multi)
        {
            foreach (var (key, values) in multi)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && values is { Count: > 0 })
                {
                    return values[0];
                }
            }
        }

        return null;
    }

    /// <summary>No Content-Type is taken as JSON; otherwise it must be <c>application/json</c> or a
    /// <c>+json</c> type, any parameters (charset) aside.</summary>
    public static bool IsJsonOrAbsent(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        mediaType = (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
               (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) &&
                mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An If-Match version: <c>3</c> or <c>"3"</c> (the ETag this API sends), a whole number from 1.
    /// Null with <paramref name="valid"/> true when the header is absent.</summary>
    public static long? ParseIfMatch(string? header, out bool valid)
    {
        valid = true;
        if (header is null)
        {
            return null;
        }

        var text = header.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1)
        {
            return version;
        }

        valid = false;
        return null;
    }

    public static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
