using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Turns one INSERT or MODIFY stream record into its enriched document (docs/contracts.md, "Processed
/// document"). Pure: no I/O, the processing time comes in as an argument.
/// </summary>
/// <remarks>
/// One pass per image (<see cref="AttributeValueWriter"/>) straight into the document's writer, which is reused per
/// thread; only the final body is a new array (or a pooled one, for the batch loop). Before that, every card number
/// in either image is masked (<see cref="CardNumberGuard.MaskImage"/>; the record id and object key are not).
/// </remarks>
public sealed class ProcessedDocumentBuilder(string keyPrefix, string keyAttribute, CardNumberGuard? cardNumbers = null)
{
    private readonly CardNumberGuard _cardNumbers = cardNumbers ?? CardNumberGuard.Default;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The body is UTF-8 JSON for machines; keep non-ASCII text as is instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static ReusableWriter? _reusable;

    /// <summary>The record's id: the value of the table's hash key attribute, as text.</summary>
    public string RecordId(ChangeRecord record) => StreamRecordFields.RecordId(record, keyAttribute);

    public ProcessedDocument Build(ChangeRecord record, DateTimeOffset processedAt) =>
        Build(record, RecordId(record), processedAt);

    /// <summary>Builds the document when the caller already read the record id (the batch loop groups by it).</summary>
    public ProcessedDocument Build(ChangeRecord record, string id, DateTimeOffset processedAt) =>
        Build(record, id, processedAt, pooled: false);

    /// <summary>
    /// As <see cref="Build(ChangeRecord, string, DateTimeOffset)"/>, with the body in a pooled buffer that the caller
    /// gives back with <see cref="ProcessedDocument.Release"/> once it is written.
    /// </summary>
    internal ProcessedDocument BuildPooled(ChangeRecord record, string id, DateTimeOffset processedAt) =>
        Build(record, id, processedAt, pooled: true);

    private ProcessedDocument Build(ChangeRecord record, string id, DateTimeOffset processedAt, bool pooled)
    {
        var isModify = record.EventName switch
        {
            "INSERT" => false,
            "MODIFY" => true,
            _ => throw new RecordException($"eventName '{record.EventName}' cannot be processed; expected INSERT or MODIFY."),
        };

        var createdAt = StreamRecordFields.CreatedAt(record);
        var sourceTable = StreamRecordFields.SourceTable(record);
        var newImage = StreamRecordFields.Image(record.NewImage, "NewImage", record.StreamViewType);
        var oldImage = isModify ? StreamRecordFields.Image(record.OldImage, "OldImage", record.StreamViewType) : null;

        // The diff compares what the table holds; the document shows the masked values.
        var changed = oldImage is not null ? AttributeDiff.ChangedAttributes(newImage, oldImage) : null;
        var maskedNew = _cardNumbers.MaskImage(newImage, out var maskedFields);
        IReadOnlyList<string> maskedOld = [];
        var maskedOldImage = oldImage is null ? null : _cardNumbers.MaskImage(oldImage, out maskedOld);

        var reusable = _reusable ??= new ReusableWriter();
        var writer = reusable.Start();
        writer.WriteStartObject();
        writer.WriteString(Names.RecordId, id);
        writer.WritePropertyName(Names.Data);
        AttributeValueWriter.WriteImage(writer, maskedNew, "NewImage");
        if (maskedOldImage is not null)
        {
            writer.WritePropertyName(Names.Previous);
            AttributeValueWriter.WriteImage(writer, maskedOldImage, "OldImage");
        }
        WriteMetadata(writer, record, processedAt, createdAt, sourceTable, changed);
        writer.Flush();

        var objectKey = ObjectKeyLayout.Build(keyPrefix, createdAt, id);
        var written = reusable.Written;
        IReadOnlyList<string> masked = maskedFields.Count + maskedOld.Count == 0 ? []
            : [.. maskedFields.Select(field => $"data.{field}"), .. maskedOld.Select(field => $"previous.{field}")];
        if (!pooled)
        {
            return new ProcessedDocument(objectKey, id, written.ToArray()) { MaskedFields = masked };
        }

        var rented = ArrayPool<byte>.Shared.Rent(written.Length);
        written.CopyTo(rented);
        return new ProcessedDocument(objectKey, id, rented, written.Length) { MaskedFields = masked };
    }

    private static void WriteMetadata(
        Utf8JsonWriter writer, ChangeRecord record, DateTimeOffset processedAt,
        DateTimeOffset createdAt, string sourceTable, IReadOnlyList<string>? changedAttributes)
    {
        writer.WriteStartObject(Names.Metadata);
        writer.WriteString(Names.EventId, record.EventId);
        writer.WriteString(Names.EventName, record.EventName);
        writer.WriteString(Names.SequenceNumber, record.SequenceNumber);
        Span<char> text = stackalloc char[32];
        writer.WriteString(Names.ApproximateCreationDateTime, StreamRecordFields.FormatIso8601(createdAt, false, text));
        writer.WriteString(Names.ProcessedAt, StreamRecordFields.FormatIso8601(processedAt, true, text));
        writer.WriteString(Names.ProcessingStatus, Names.Processed);
        writer.WriteString(Names.SourceTable, sourceTable);
        if (changedAttributes is not null)
        {
            writer.WriteStartArray(Names.ChangedAttributes);
            foreach (var name in changedAttributes)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The document's property names, encoded once (the writer would check each for escapes on every
    /// call).</summary>
    private static class Names
    {
        public static readonly JsonEncodedText RecordId = JsonEncodedText.Encode("recordId");
        public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
        public static readonly JsonEncodedText Previous = JsonEncodedText.Encode("previous");
        public static readonly JsonEncodedText Metadata = JsonEncodedText.Encode("metadata");
        public static readonly JsonEncodedText EventId = JsonEncodedText.Encode("eventId");
        public static readonly JsonEncodedText EventName = JsonEncodedText.Encode("eventName");
        public static readonly JsonEncodedText SequenceNumber = JsonEncodedText.Encode("sequenceNumber");
        public static readonly JsonEncodedText ApproximateCreationDateTime =
            JsonEncodedText.Encode("approximateCreationDateTime");
        public static readonly JsonEncodedText ProcessedAt = JsonEncodedText.Encode("processedAt");
        public static readonly JsonEncodedText ProcessingStatus = JsonEncodedText.Encode("processingStatus");
        public static readonly JsonEncodedText Processed = JsonEncodedText.Encode("PROCESSED");
        public static readonly JsonEncodedText SourceTable = JsonEncodedText.Encode("sourceTable");
        public static readonly JsonEncodedText ChangedAttributes = JsonEncodedText.Encode("changedAttributes");
    }

    /// <summary>One buffer and one writer per thread, reset for every document; only the final body is new.</summary>
    private sealed class ReusableWriter
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
        private readonly Utf8JsonWriter _writer;

        public ReusableWriter() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

        public Utf8JsonWriter Start()
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            return _writer;
        }

        public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;
    }
}
