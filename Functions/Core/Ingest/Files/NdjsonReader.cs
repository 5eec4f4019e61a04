using System.Runtime.CompilerServices;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// NDJSON (<c>.ndjson</c>, <c>.jsonl</c>): one order per line, read in chunks. A UTF-8 byte-order mark before the
/// first line and blank lines are skipped; a line
/// longer than <see cref="Orders.OrderLimits.MaxRecordBytes"/> is rejected (its start kept) and skipped without
/// being buffered whole.
/// </summary>
public sealed class NdjsonReader : IOrderFileReader
{
    private const int ChunkBytes = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public async IAsyncEnumerable<FileRecord> ReadAsync(
        Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = Orders.OrderLimits.MaxRecordBytes;
        var buffer = new byte[limit + ChunkBytes + 2];
        int start = 0, end = 0;
        long line = 0;
        byte[]? tooLongStart = null;
        var eof = false;

        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                line++;
                if (tooLongStart is not null)
                {
                    yield return RecordText.TooLong(line, tooLongStart, "line");
                    tooLongStart = null;
                }
                else if (Line(buffer, start, newline, line) is { } record)
                {
                    yield return record;
                }

                start = newline + 1;
                continue;
            }

            if (eof)
            {
                if (end > start || tooLongStart is not null)
                {
                    line++;
                    if (tooLongStart is not null)
                    {
                        yield return RecordText.TooLong(line, tooLongStart, "line");
                    }
                    else if (Line(buffer, start, end, line) is { } record)
                    {
                        yield return record;
                    }
                }

                yield break;
            }

            if (end - start > limit + 1)
            {
                // Longer than any record may be (plus a CR): keep its start for the rejects file, drop the rest.
                tooLongStart ??= buffer[start..Math.Min(end, start + RecordText.HeldStartBytes)];
                start = end;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            var read = await content.ReadAsync(buffer.AsMemory(end, Math.Min(ChunkBytes, buffer.Length - end)),
                cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                eof = true;
            }

            end += read;
        }
    }

    private static FileRecord? Line(byte[] buffer, int start, int end, long line)
    {
        if (end > start && buffer[end - 1] == '\r')
        {
            end--;
        }

        var text = buffer.AsMemory(start, end - start);
        if (line == 1 && text.Span.StartsWith(Utf8Bom))
        {
            text = text[Utf8Bom.Length..]; // RFC 8259 section 8.1: a parser may ignore a byte-order mark
        }

        if (text.Span.IndexOfAnyExcept(" \t"u8) < 0)
        {
            return null;
        }

        return text.Length > Orders.OrderLimits.MaxRecordBytes
            ? RecordText.TooLong(line, text.Span, "line")
            : RecordText.FromJson(text, line, line);
    }
}
