using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// A JSON array of orders (<c>.json</c>; a UTF-8 byte-order mark before it is skipped), read element by element with a resumable <see cref="Utf8JsonReader"/>
/// over a sliding buffer, so only one element is held at a time. Each element's line is the line it starts on. An
/// element over <see cref="Orders.OrderLimits.MaxRecordBytes"/> is rejected (its start kept) and skipped token by
/// token without being held. The file must be one array: a syntax error ends it (<see cref="IngestFileException"/>),
/// since the elements after it cannot be found reliably.
/// </summary>
public sealed class JsonArrayReader : IOrderFileReader
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxTokenBytes = 2 * Orders.OrderLimits.MaxRecordBytes;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private enum StepKind { NeedMore, ArrayStart, Element, ArrayEnd }

    private readonly record struct Step(StepKind Kind, int ElementStart, int Consumed, JsonReaderState State);

    public async IAsyncEnumerable<FileRecord> ReadAsync(
        Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[2 * ChunkBytes];
        int start = 0, end = 0;
        var eof = false;
        long line = 1;
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
        var inArray = false;
        var finished = false;
        long skipping = 0; // the line of an over-long element being skipped, else 0
        byte[]? skippedStart = null;

        var startChecked = false; // for a byte-order mark, which RFC 8259 section 8.1 lets a parser ignore

        while (true)
        {
            if (!startChecked && (end - start >= Utf8Bom.Length || eof))
            {
                start += buffer.AsSpan(start, end - start).StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
                startChecked = true;
            }

            var whitespaceOnly = buffer.AsSpan(start, end - start).IndexOfAnyExcept(" \t\r\n"u8) < 0;
            if (finished && !whitespaceOnly)
            {
                throw new IngestFileException("The file holds more after the end of its JSON array.");
            }

            if (eof && whitespaceOnly)
            {
                if (finished)
                {
                    yield break;
                }

                throw new IngestFileException(inArray
                    ? "The JSON array is not closed: the file ends inside it."
                    : "The file is empty; a .json file must hold one JSON array of orders.");
            }

            Step step;
            try
            {
                step = finished || !startChecked ? new Step(StepKind.NeedMore, 0, 0, state)
                    : skipping > 0 ? Skip(buffer.AsSpan(start, end - start), eof, state)
                    : Next(buffer.AsSpan(start, end - start), eof, state, inArray);
            }
            catch (JsonException error)
            {
                throw new IngestFileException(
                    $"The file is not a valid JSON array (near line {line + (error.LineNumber ?? 0)}): no order after "
                    + "that point was read.");
            }

            if (step.Kind == StepKind.NeedMore)
            {
                if (eof)
                {
                    throw new IngestFileException("The JSON array is not closed: the file ends inside it.");
                }

                if (skipping == 0 && end - start > Orders.OrderLimits.MaxRecordBytes)
                {
                    // Too long to hold: keep its start for the rejects file and skip the rest token by token.
                    var at = buffer.AsSpan(start, end - start);
                    var offset = at.IndexOfAnyExcept(" \t\r\n,"u8);
                    skipping = line + at[..offset].Count((byte)'\n');
                    skippedStart = at.Slice(offset, RecordText.HeldStartBytes).ToArray();
                    continue;
                }

                if (end - start > MaxTokenBytes)
                {
                    throw new IngestFileException(
                        $"A single JSON value near line {line} is longer than {MaxTokenBytes} bytes; the orders after it were not read.");
                }

                (start, end, buffer) = Compact(buffer, start, end);
                var read = await content.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                eof = read == 0;
                end += read;
                continue;
            }

            var consumedLines = buffer.AsSpan(start, step.Consumed).Count((byte)'\n');
            if (step.Kind == StepKind.Element && skipping > 0)
            {
                yield return RecordText.TooLong(skipping, skippedStart, "element");
                skipping = 0;
                skippedStart = null;
            }
            else if (step.Kind == StepKind.Element)
            {
                var elementLine = line + buffer.AsSpan(start, step.ElementStart).Count((byte)'\n');
                var element = buffer.AsMemory(start + step.ElementStart, step.Consumed - step.ElementStart);
                var lastLine = elementLine + element.Span.Count((byte)'\n');
                yield return element.Length > Orders.OrderLimits.MaxRecordBytes
                    ? RecordText.TooLong(elementLine, element.Span, "element")
                    : RecordText.FromJson(element, elementLine, lastLine);
            }

            inArray |= step.Kind == StepKind.ArrayStart;
            finished |= step.Kind == StepKind.ArrayEnd;
            line += consumedLines;
            start += step.Consumed;
            state = step.State;
        }
    }

    private static Step Next(ReadOnlySpan<byte> data, bool final, JsonReaderState state, bool inArray)
    {
        var reader = new Utf8JsonReader(data, final, state);
        if (!reader.Read())
        {
            return new Step(StepKind.NeedMore, 0, 0, state);
        }

        if (!inArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new IngestFileException("A .json file must hold one JSON array of orders; this one does not start with '['.");
            }

            return new Step(StepKind.ArrayStart, 0, (int)reader.BytesConsumed, reader.CurrentState);
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return new Step(StepKind.ArrayEnd, 0, (int)reader.BytesConsumed, reader.CurrentState);
        }

        var elementStart = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
        {
            return new Step(StepKind.NeedMore, 0, 0, state);
        }

        return new Step(StepKind.Element, elementStart, (int)reader.BytesConsumed, reader.CurrentState);
    }

    /// <summary>Reads an over-long element's tokens and lets them go: consumed bytes are committed as they are
    /// read (<see cref="StepKind.ArrayStart"/> stands for "progress"), and <see cref="StepKind.Element"/> is returned
    /// once the reader is back at the array's own depth.</summary>
    private static Step Skip(ReadOnlySpan<byte> data, bool final, JsonReaderState state)
    {
        var reader = new Utf8JsonReader(data, final, state);
        var progress = 0;
        var progressState = state;
        while (reader.Read())
        {
            progress = (int)reader.BytesConsumed;
            progressState = reader.CurrentState;
            if (reader.CurrentDepth == 1 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
            {
                return new Step(StepKind.Element, 0, progress, progressState);
            }
        }

        return progress == 0
            ? new Step(StepKind.NeedMore, 0, 0, state)
            : new Step(StepKind.ArrayStart, 0, progress, progressState);
    }

    private static (int Start, int End, byte[] Buffer) Compact(byte[] buffer, int start, int end)
    {
        var length = end - start;
        var target = length + ChunkBytes > buffer.Length ? new byte[Math.Max(buffer.Length * 2, length + ChunkBytes)] : buffer;
        Buffer.BlockCopy(buffer, start, target, 0, length);
        return (0, length, target);
    }
}
