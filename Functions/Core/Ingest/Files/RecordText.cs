using System.Text;
using System.Text.Json;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>Turns the bytes of one JSON record into a <see cref="FileRecord"/>: parsed, validated by the shared
/// <see cref="OrderValidator"/>, or rejected with its reasons and raw text.</summary>
internal static class RecordText
{
    /// <summary>How much of an over-long record the rejects file keeps.</summary>
    public const int TruncatedRawBytes = 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static FileRecord FromJson(ReadOnlyMemory<byte> json, long line, long lastLine)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException)
        {
            return FileRecord.Rejected(line, lastLine, [new FieldProblem(string.Empty, "is not valid JSON")],
                Encoding.UTF8.GetString(json.Span));
        }

        using (document)
        {
            var validation = OrderValidator.Validate(document.RootElement);
            return validation.Order is { } order
                ? FileRecord.Valid(line, lastLine, order)
                : FileRecord.Rejected(line, lastLine, validation.Problems, Encoding.UTF8.GetString(json.Span),
                    orderId: OrderIdOf(document.RootElement));
        }
    }

    public static FileRecord TooLong(long line, ReadOnlySpan<byte> start, string unit) =>
        FileRecord.Rejected(line, line,
            [new FieldProblem(string.Empty, $"the {unit} is longer than {OrderLimits.MaxRecordBytes} bytes")],
            Encoding.UTF8.GetString(start[..Math.Min(start.Length, TruncatedRawBytes)]), truncated: true);

    private static string? OrderIdOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(OrderFields.OrderId, out var id) &&
        id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
