using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// CSV with a header row (<c>.csv</c>): one line per order item, the lines of one order next to each other. Columns
/// <c>orderId, customerId, currency, sku, quantity, unitPrice</c> are required; any other column is a field of the
/// item (left out when empty). Each order is built as the JSON the HTTP door takes and checked by the same
/// <see cref="OrderValidator"/>; it is written or rejected as a whole, with every line it spans.
/// </summary>
/// <remarks>
/// An order whose lines are not next to each other is rejected in every run of its lines. Since its first run comes
/// before anything shows that it is split, the file is read twice (<see cref="FindSplitOrdersAsync"/> first, then
/// this reader with its result); a reader without that result can only reject the runs after the first.
/// </remarks>
public sealed class CsvReader(IReadOnlyDictionary<string, long>? splitOrders = null) : IOrderFileReader
{
    /// <summary>An order's lines held at most, in characters: a valid order never comes near (its JSON is at most
    /// <see cref="OrderLimits.MaxRecordBytes"/>, and its order columns repeated on each of at most
    /// <see cref="OrderLimits.MaxItems"/> lines add at most about 410 K characters).</summary>
    public const int MaxOrderLinesChars = 4 * OrderLimits.MaxRecordBytes;

    private static readonly string[] OrderColumns = [OrderFields.OrderId, OrderFields.CustomerId, OrderFields.Currency];
    private static readonly string[] ItemColumns = [OrderFields.Sku, OrderFields.Quantity, OrderFields.UnitPrice];

    private readonly IReadOnlyDictionary<string, long> _splitOrders =
        splitOrders ?? new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>The first pass over a CSV file: each order id whose lines come back after another order's, with the
    /// line where they come back first.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> FindSplitOrdersAsync(
        Stream content, CancellationToken cancellationToken)
    {
        using var text = Text(content);
        var parser = new CsvRecordParser(text);
        var columns = Header(await parser.ReadAsync(cancellationToken).ConfigureAwait(false));
        var ended = new HashSet<string>(StringComparer.Ordinal);
        var split = new Dictionary<string, long>(StringComparer.Ordinal);
        string? current = null;
        while (await parser.ReadAsync(cancellationToken).ConfigureAwait(false) is { } row)
        {
            if (row.Fields is [""] && !row.TooLong)
            {
                continue;
            }

            var id = row.TooLong ? null : IdOf(row, columns);
            if (id != current && current is { Length: > 0 })
            {
                ended.Add(current);
            }

            if (id is { Length: > 0 } && id != current && ended.Contains(id))
            {
                split.TryAdd(id, row.Line);
            }

            current = id;
        }

        return split;
    }

    public async IAsyncEnumerable<FileRecord> ReadAsync(
        Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = Text(content);
        var parser = new CsvRecordParser(text);
        var columns = Header(await parser.ReadAsync(cancellationToken).ConfigureAwait(false));

        var group = new OrderLines();
        string? groupId = null;
        // Ids whose group has ended; a later line of one of them would split an order across two writes.
        var closed = new Dictionary<string, long>(StringComparer.Ordinal);

        while (await parser.ReadAsync(cancellationToken).ConfigureAwait(false) is { } row)
        {
            if (row.Fields is [""] && !row.TooLong)
            {
                continue;
            }

            if (row.TooLong)
            {
                if (group.Rows.Count > 0)
                {
                    yield return Order(group, columns, closed);
                    group = new OrderLines();
                }

                yield return FileRecord.Rejected(row.Line, row.LastLine,
                    [new FieldProblem(string.Empty, $"the line is longer than {OrderLimits.MaxRecordBytes} characters")],
                    row.Raw, truncated: true);
                groupId = null;
                continue;
            }

            var id = IdOf(row, columns);
            if (group.Rows.Count > 0 && (id != groupId || id.Length == 0))
            {
                yield return Order(group, columns, closed);
                group = new OrderLines();
            }

            groupId = id;
            group.Add(row);
        }

        if (group.Rows.Count > 0)
        {
            yield return Order(group, columns, closed);
        }
    }

    private static StreamReader Text(Stream content) =>
        new(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024,
            leaveOpen: true);

    private static string IdOf(CsvRow row, Dictionary<string, int> columns) => Cell(row, columns[OrderFields.OrderId]);

    private static Dictionary<string, int> Header(CsvRow? header)
    {
        if (header is null)
        {
            throw new IngestFileException("The CSV file is empty; it needs a header row.");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF');
            if (name.Length == 0 || !columns.TryAdd(name, i))
            {
                throw new IngestFileException(name.Length == 0
                    ? $"The CSV header has an empty column name (column {i + 1})."
                    : $"The CSV header names column '{name}' twice.");
            }
        }

        var missing = OrderColumns.Concat(ItemColumns).Where(name => !columns.ContainsKey(name)).ToArray();
        return missing.Length == 0
            ? columns
            : throw new IngestFileException($"The CSV header lacks the column(s) {string.Join(", ", missing)}.");
    }

    private FileRecord Order(OrderLines lines, Dictionary<string, int> columns, Dictionary<string, long> closed)
    {
        var rows = lines.Rows;
        var first = rows[0];
        var raw = string.Join('\n', rows.Select(row => row.Raw));
        var id = Cell(first, columns[OrderFields.OrderId]);
        var orderId = id.Length > 0 ? id : null;
        if (id.Length > 0)
        {
            closed.TryAdd(id, lines.LastLine);
        }

        if (lines.TooLong)
        {
            return FileRecord.Rejected(first.Line, lines.LastLine,
                [new FieldProblem(string.Empty, $"the order's lines are longer than {MaxOrderLinesChars} characters together")],
                RecordText.KeptStart(raw), truncated: true, orderId: orderId);
        }

        var problems = new List<FieldProblem>();
        foreach (var row in rows.Where(row => row.Fields.Count != columns.Count))
        {
            problems.Add(new FieldProblem($"line {row.Line}",
                $"has {row.Fields.Count} fields; the header has {columns.Count}"));
        }

        if (id.Length > 0 && closed[id] != lines.LastLine)
        {
            problems.Add(new FieldProblem(OrderFields.OrderId,
                $"the lines of order '{id}' must be next to each other; its first lines end at line {closed[id]}"));
        }
        else if (id.Length > 0 && _splitOrders.TryGetValue(id, out var comesBack))
        {
            problems.Add(new FieldProblem(OrderFields.OrderId,
                $"the lines of order '{id}' must be next to each other; more of its lines come back at line {comesBack}"));
        }

        foreach (var column in (ReadOnlySpan<string>)[OrderFields.CustomerId, OrderFields.Currency])
        {
            var differing = rows.FirstOrDefault(row => Cell(row, columns[column]) != Cell(first, columns[column]));
            if (differing is not null)
            {
                problems.Add(new FieldProblem(column,
                    $"differs between line {first.Line} and line {differing.Line} of the same order"));
            }
        }

        if (problems.Count > 0)
        {
            return FileRecord.Rejected(first.Line, lines.LastLine, problems, raw, orderId: orderId);
        }

        var json = ToJson(rows, columns);
        if (json.Length > OrderLimits.MaxRecordBytes)
        {
            return FileRecord.Rejected(first.Line, lines.LastLine,
                [new FieldProblem(string.Empty,
                    $"the order is {json.Length} bytes as JSON; an order may be at most {OrderLimits.MaxRecordBytes}")],
                RecordText.KeptStart(raw), truncated: true, orderId: orderId);
        }

        using var document = JsonDocument.Parse(json);
        var validation = OrderValidator.Validate(document.RootElement);
        return validation.Order is { } order
            ? FileRecord.Valid(first.Line, lines.LastLine, order)
            : FileRecord.Rejected(first.Line, lines.LastLine, validation.Problems, raw, orderId: orderId);
    }

    /// <summary>The order as the HTTP door would receive it. A quantity that is a plain integer becomes a JSON
    /// number (anything else stays text and fails validation); a unit price stays text, which the validator reads
    /// as an exact decimal string.</summary>
    private static ReadOnlyMemory<byte> ToJson(List<CsvRow> rows, Dictionary<string, int> columns)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * rows.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var column in OrderColumns)
            {
                writer.WriteString(column, Cell(rows[0], columns[column]));
            }

            writer.WriteStartArray(OrderFields.Items);
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                foreach (var (name, index) in columns)
                {
                    var cell = Cell(row, index);
                    if (OrderColumns.Contains(name))
                    {
                        continue;
                    }

                    if (name == OrderFields.Quantity && IsInteger(cell))
                    {
                        writer.WritePropertyName(name);
                        writer.WriteRawValue(cell);
                    }
                    else if (cell.Length > 0 || ItemColumns.Contains(name))
                    {
                        writer.WriteString(name, cell);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static string Cell(CsvRow row, int index) => index < row.Fields.Count ? row.Fields[index] : string.Empty;

    private static bool IsInteger(string cell)
    {
        var digits = cell.StartsWith('-') ? cell.AsSpan(1) : cell.AsSpan();
        return digits.Length is > 0 and <= 18 && !digits.ContainsAnyExceptInRange('0', '9') &&
               (digits.Length == 1 || digits[0] != '0');
    }

    /// <summary>The lines of one order as they are read; once they pass <see cref="MaxOrderLinesChars"/>, no more are
    /// held, only the last line's number.</summary>
    private sealed class OrderLines
    {
        private long _chars;

        public List<CsvRow> Rows { get; } = [];

        public long LastLine { get; private set; }

        public bool TooLong { get; private set; }

        public void Add(CsvRow row)
        {
            LastLine = row.LastLine;
            _chars += row.Raw.Length + 1;
            TooLong |= _chars > MaxOrderLinesChars;
            if (!TooLong || Rows.Count == 0)
            {
                Rows.Add(row);
            }
        }
    }
}
