using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>One order read from a file: where it starts (<see cref="Line"/>, 1-based; <see cref="LastLine"/> when a
/// CSV order spans lines), and either the validated order or the reasons it is rejected, with its raw text for the
/// rejects file.</summary>
public sealed record FileRecord(
    long Line, long LastLine, ValidatedOrder? Order, IReadOnlyList<FieldProblem> Problems, string? Raw,
    bool RawTruncated = false, string? OrderId = null)
{
    public static FileRecord Valid(long line, long lastLine, ValidatedOrder order) =>
        new(line, lastLine, order, [], null, OrderId: order.OrderId);

    public static FileRecord Rejected(long line, long lastLine, IReadOnlyList<FieldProblem> problems, string? raw,
        bool truncated = false, string? orderId = null) =>
        new(line, lastLine, null, problems, raw, truncated, orderId);
}

/// <summary>The file as a whole cannot be read (no header, a JSON array that breaks off, an element too large to
/// stream): the object is logged FAILED with this message. Retrying would not help.</summary>
public sealed class IngestFileException(string message) : Exception(message);

/// <summary>Reads one file format as a stream of records, never holding the whole object.</summary>
public interface IOrderFileReader
{
    IAsyncEnumerable<FileRecord> ReadAsync(Stream content, CancellationToken cancellationToken);
}
