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
public sealed class CsvReader : IOrderFileReader
{
    private static readonly string[] OrderColumns = [OrderFields.OrderId, OrderFields.CustomerId, OrderFields.Currency];
    private static readonly string[] ItemColumns = [OrderFields.Sku, OrderFields.Quantity, OrderFields.UnitPrice];

    public async IAsyncEnumerable<FileRecord> ReadAsync(
        Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true,
            bufferSize: 64 * 1024, leaveOpen: true);
        var parser = new CsvRecordParser(text);
        var header = await parser.ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new IngestFileException("The CSV file is empty; it needs a header row.");
        var columns = Header(header);

        var group = new List<CsvRow>();
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
                if (group.Count > 0)
                {
                    yield return Order(group, columns, closed);
                    group.Clear();
                }

                yield return FileRecord.Rejected(row.Line, row.LastLine,
                    [new FieldProblem(string.Empty, $"the line is longer than {OrderLimits.MaxRecordBytes} characters")],
                    row.Raw, truncated: true);
                groupId = null;
                continue;
            }

            var id = row.Fields.Count > columns[OrderFields.OrderId] ? row.Fields[columns[OrderFields.OrderId]] : string.Empty;
            if (group.Count > 0 && (id != groupId || id.Length == 0))
            {
                yield return Order(group, columns, closed);
                group.Clear();
            }

            groupId = id;
            group.Add(row);
        }

        if (group.Count > 0)
        {
            yield return Order(group, columns, closed);
        }
    }

    private static Dictionary<string, int> Header(CsvRow header)
    {
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

    private static FileRecord Order(List<CsvRow> rows, Dictionary<string, int> columns, Dictionary<string, long> closed)
    {
        var first = rows[0];
        var last = rows[^1];
        var raw = string.Join('\n', rows.Select(row => row.Raw));
        var problems = new List<FieldProblem>();
        foreach (var row in rows.Where(row => row.Fields.Count != columns.Count))
        {
            problems.Add(new FieldProblem($"line {row.Line}",
                $"has {row.Fields.Count} fields; the header has {columns.Count}"));
        }

        var id = Cell(first, columns[OrderFields.OrderId]);
        if (id.Length > 0 && closed.TryGetValue(id, out var endedAt))
        {
            problems.Add(new FieldProblem(OrderFields.OrderId,
                $"the lines of order '{id}' must be next to each other; its earlier lines end at line {endedAt}"));
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

        if (id.Length > 0)
        {
            closed[id] = last.LastLine;
        }

        if (problems.Count > 0)
        {
            return FileRecord.Rejected(first.Line, last.LastLine, problems, raw, orderId: id.Length > 0 ? id : null);
        }

        var json = ToJson(rows, columns);
        using var document = JsonDocument.Parse(json);
        var validation = OrderValidator.Validate(document.RootElement);
        return validation.Order is { } order
            ? FileRecord.Valid(first.Line, last.LastLine, order)
            : FileRecord.Rejected(first.Line, last.LastLine, validation.Problems, raw, orderId: id.Length > 0 ? id : null);
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

    private static string Cell(CsvRow row, int index) => index < row.Fields.Count ? row.Fields[index].Trim() : string.Empty;

    private static bool IsInteger(string cell)
    {
        var digits = cell.StartsWith('-') ? cell.AsSpan(1) : cell.AsSpan();
        return digits.Length is > 0 and <= 18 && !digits.ContainsAnyExceptInRange('0', '9') &&
               (digits.Length == 1 || digits[0] != '0');
    }
}
