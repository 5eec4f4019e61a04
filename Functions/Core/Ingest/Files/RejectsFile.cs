using System.Text.Encodings.Web;
using System.Text.Json;
using OrdersPipeline.Functions.Ingest.Orders;
using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// The rejects of one object, one JSON line each (docs/ingest.md, "Rejects file"): line number (and last line of a
/// multi-line CSV order), order id when known, every reason, and the record's text. Kept in a temporary file while
/// the object is read, so a file of rejects never sits in memory; uploaded to
/// <c>rejects/&lt;original key&gt;.ndjson</c> in the same bucket. Every card number in a line is cut to its last four
/// digits (<see cref="CardNumberMasker.Redact"/>), whatever the record was rejected for.
/// </summary>
public sealed class RejectsFile : IAsyncDisposable
{
    public const string Prefix = "rejects/";
    public const string ContentType = "application/x-ndjson";
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly FileStream _file = new(Path.Combine(Path.GetTempPath(), $"rejects-{Guid.NewGuid():N}.ndjson"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);

    public long Count { get; private set; }

    public static string KeyFor(string objectKey) => $"{Prefix}{objectKey}.ndjson";

    public void Add(FileRecord record)
    {
        using (var writer = new Utf8JsonWriter(_file, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", record.Line);
            if (record.LastLine != record.Line)
            {
                writer.WriteNumber("lastLine", record.LastLine);
            }

            if (record.OrderId is not null)
            {
                writer.WriteString(OrderFields.OrderId, CardNumberMasker.Redact(record.OrderId));
            }

            writer.WriteStartArray("reasons");
            foreach (var problem in record.Problems)
            {
                writer.WriteStartObject();
                writer.WriteString("field", CardNumberMasker.Redact(problem.Field));
                writer.WriteString("reason", CardNumberMasker.Redact(problem.Reason));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("record", record.Raw is null ? null : CardNumberMasker.Redact(record.Raw));
            if (record.RawTruncated)
            {
                writer.WriteBoolean("recordTruncated", true);
            }

            writer.WriteEndObject();
        }

        _file.WriteByte((byte)'\n');
        Count++;
    }

    /// <summary>The lines written so far, from the start.</summary>
    public Stream OpenForUpload()
    {
        _file.Flush();
        _file.Position = 0;
        return new NonClosingStream(_file);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    // The SDK disposes the stream it uploads; the temporary file must outlive it until this object is disposed.
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
