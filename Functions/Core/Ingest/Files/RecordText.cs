using System.Text;
using System.Text.Json;
using OrdersPipeline.Functions.Ingest.Orders;
using OrdersPipeline.Functions.Text;

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
            KeptStart(start), truncated: true);

    /// <summary>How many bytes of an over-long record to hold so that <see cref="KeptStart"/> can cut it on a
    /// character boundary: the kept bytes and the rest of a character (at most 3 bytes) that straddles their end.</summary>
    public const int HeldStartBytes = TruncatedRawBytes + 3;

    /// <summary>The first <see cref="TruncatedRawBytes"/> (at most) of a record's start, cut on a character
    /// boundary.</summary>
    public static string KeptStart(ReadOnlySpan<byte> start) =>
        KeptStart(Encoding.UTF8.GetString(start[..Math.Min(start.Length, HeldStartBytes)]));

    /// <summary>The longest prefix of <paramref name="text"/> within <see cref="TruncatedRawBytes"/> of UTF-8 that
    /// does not split a character.</summary>
    public static string KeptStart(string text) => Utf8Prefix.Of(text, TruncatedRawBytes);

    private static string? OrderIdOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(OrderFields.OrderId, out var id) ||
            id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return id.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // not text (an unpaired surrogate): the reasons say so
        }
    }
}
