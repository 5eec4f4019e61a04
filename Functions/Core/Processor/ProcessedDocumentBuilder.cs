using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Turns one INSERT or MODIFY stream record into its enriched document (docs/contracts.md, "Processed
/// document"). Pure: no I/O, the processing time comes in as an argument.
/// </summary>
/// <remarks>
/// Two paths, one output. The hot path (<see cref="ImageConverter"/>, <see cref="FastAttributeJson"/>) scans the
/// images' UTF-8 straight from the event buffer by hand and writes into per-thread reused buffers; it answers only
/// for valid items. Anything else (an invalid value, a limit exceeded, an unusual diff) is built again
/// by the general <see cref="JsonElement"/> path, which writes the same bytes or throws the record's error.
/// </remarks>
public sealed class ProcessedDocumentBuilder(string keyPrefix, string keyAttribute)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The body is UTF-8 JSON for machines; keep non-ASCII text as is instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    // Depth is checked while converting (DynamoDbLimits.MaxNestingLevels), not when reading.
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = int.MaxValue };

    [ThreadStatic]
    private static ReusableWriter? _reusable;

    /// <summary>False only in tests: every document takes the general path, to compare the two.</summary>
    internal bool UseFastPath { get; init; } = true;

    /// <summary>The record's id: the value of the table's hash key attribute, as text.</summary>
    public string RecordId(DynamoDBEvent.DynamodbStreamRecord record) =>
        (UseFastPath && StreamImages.KeysUtf8(record.Dynamodb) is { } keys
            ? FastAttributeJson.TryScalarText(keys.Span, keyAttribute)
            : null)
        ?? StreamRecordFields.RecordId(record, keyAttribute);

    public ProcessedDocument Build(DynamoDBEvent.DynamodbStreamRecord record, DateTimeOffset processedAt) =>
        Build(record, RecordId(record), processedAt);

    /// <summary>Builds the document when the caller already read the record id (the batch loop groups by it).</summary>
    public ProcessedDocument Build(DynamoDBEvent.DynamodbStreamRecord record, string id, DateTimeOffset processedAt) =>
        Build(record, id, processedAt, pooled: false);

    /// <summary>
    /// As <see cref="Build(DynamoDBEvent.DynamodbStreamRecord, string, DateTimeOffset)"/>, with the body in a pooled
    /// buffer that the caller gives back with <see cref="ProcessedDocument.Release"/> once it is written.
    /// </summary>
    internal ProcessedDocument BuildPooled(DynamoDBEvent.DynamodbStreamRecord record, string id, DateTimeOffset processedAt) =>
        Build(record, id, processedAt, pooled: true);

    private ProcessedDocument Build(DynamoDBEvent.DynamodbStreamRecord record, string id, DateTimeOffset processedAt, bool pooled)
    {
        var data = record.Dynamodb ?? throw new RecordException("dynamodb is missing.");
        var isModify = record.EventName switch
        {
            "INSERT" => false,
            "MODIFY" => true,
            _ => throw new RecordException($"eventName '{record.EventName}' cannot be processed; expected INSERT or MODIFY."),
        };

        var createdAt = StreamRecordFields.CreatedAt(record);
        var sourceTable = StreamRecordFields.SourceTable(record);
        var newImage = StreamRecordFields.ImageUtf8(StreamImages.NewImageUtf8(data), "NewImage", data.StreamViewType);
        var oldImage = isModify
            ? StreamRecordFields.ImageUtf8(StreamImages.OldImageUtf8(data), "OldImage", data.StreamViewType)
            : default;

        var reusable = _reusable ??= new ReusableWriter();
        if (!UseFastPath || !TryWriteFast(reusable, record, id, processedAt, createdAt, sourceTable, newImage, oldImage, isModify))
        {
            WriteGeneral(reusable, record, id, processedAt, createdAt, sourceTable, newImage, oldImage, isModify);
        }

        var objectKey = ObjectKeyLayout.Build(keyPrefix, createdAt, id);
        var written = reusable.Written;
        if (!pooled)
        {
            return new ProcessedDocument(objectKey, id, written.ToArray());
        }

        var rented = ArrayPool<byte>.Shared.Rent(written.Length);
        written.CopyTo(rented);
        return new ProcessedDocument(objectKey, id, rented, written.Length);
    }

    private static bool TryWriteFast(
        ReusableWriter reusable, DynamoDBEvent.DynamodbStreamRecord record, string id, DateTimeOffset processedAt,
        DateTimeOffset createdAt, string sourceTable, ReadOnlyMemory<byte> newImage, ReadOnlyMemory<byte> oldImage,
        bool isModify)
    {
        var writer = reusable.Start(newImage.Length + oldImage.Length + 1024);
        writer.WriteStartObject();
        writer.WriteString(Names.RecordId, id);
        var image = reusable.Image;
        var validUtf8 = record.Dynamodb is RawStreamRecord { ImagesAreValidUtf8: true };
        if (!ImageConverter.TryConvert(newImage.Span, image, isModify ? reusable.NewEntries : null, validUtf8))
        {
            return false;
        }
        writer.WritePropertyName(Names.Data);
        writer.WriteRawValue(image.Written, skipInputValidation: true);

        List<string>? changed = null;
        if (isModify)
        {
            if (!ImageConverter.TryConvert(oldImage.Span, image, reusable.OldEntries, validUtf8) ||
                (changed = FastAttributeJson.TryChangedAttributes(
                    newImage, reusable.NewEntries, oldImage, reusable.OldEntries)) is null)
            {
                return false;
            }
            writer.WritePropertyName(Names.Previous);
            writer.WriteRawValue(image.Written, skipInputValidation: true);
        }

        WriteMetadata(writer, record, processedAt, createdAt, sourceTable, changed);
        writer.Flush();
        return true;
    }

    /// <summary>The general path: images as <see cref="JsonElement"/>s; throws the record's error, if any.</summary>
    private static void WriteGeneral(
        ReusableWriter reusable, DynamoDBEvent.DynamodbStreamRecord record, string id, DateTimeOffset processedAt,
        DateTimeOffset createdAt, string sourceTable, ReadOnlyMemory<byte> newJson, ReadOnlyMemory<byte> oldJson,
        bool isModify)
    {
        using var newDocument = JsonDocument.Parse(newJson, ReadOptions);
        using var oldDocument = isModify ? JsonDocument.Parse(oldJson, ReadOptions) : null;
        var newImage = newDocument.RootElement;
        var oldImage = oldDocument?.RootElement ?? default;

        var writer = reusable.Start(newJson.Length + oldJson.Length + 1024);
        writer.WriteStartObject();
        writer.WriteString("recordId", id);
        writer.WritePropertyName("data");
        AttributeValueJson.WriteMap(writer, newImage, "NewImage");
        if (isModify)
        {
            writer.WritePropertyName("previous");
            AttributeValueJson.WriteMap(writer, oldImage, "OldImage");
        }

        WriteMetadata(writer, record, processedAt, createdAt, sourceTable,
            isModify ? AttributeDiff.ChangedAttributes(newImage, oldImage) : null);
        writer.Flush();
    }

    private static void WriteMetadata(
        Utf8JsonWriter writer, DynamoDBEvent.DynamodbStreamRecord record, DateTimeOffset processedAt,
        DateTimeOffset createdAt, string sourceTable, IReadOnlyList<string>? changedAttributes)
    {
        writer.WriteStartObject(Names.Metadata);
        writer.WriteString(Names.EventId, record.EventID);
        writer.WriteString(Names.EventName, record.EventName);
        writer.WriteString(Names.SequenceNumber, record.Dynamodb.SequenceNumber);
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

        public Utf8JsonWriter Start(int estimate)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _buffer.GetSpan(estimate);
            return _writer;
        }

        /// <summary>Where the hot path converts each image before the writer copies it into the document.</summary>
        public ByteBuffer Image { get; } = new(16 * 1024);

        /// <summary>The top-level attributes of a MODIFY's two images, for the diff.</summary>
        public List<ImageAttribute> NewEntries { get; } = new(64);

        public List<ImageAttribute> OldEntries { get; } = new(64);

        public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;
    }
}
