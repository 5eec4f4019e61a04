using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Turns one INSERT or MODIFY stream record into its enriched document (docs/contracts.md, "Processed
/// document"). Pure: no I/O, the processing time comes in as an argument.
/// </summary>
public sealed class ProcessedDocumentBuilder(string keyPrefix, string keyAttribute)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The body is UTF-8 JSON for machines; keep non-ASCII text as is instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>The record's id: the value of the table's hash key attribute, as text.</summary>
    public string RecordId(DynamoDBEvent.DynamodbStreamRecord record) => StreamRecordFields.RecordId(record, keyAttribute);

    public ProcessedDocument Build(DynamoDBEvent.DynamodbStreamRecord record, DateTimeOffset processedAt) =>
        Build(record, RecordId(record), processedAt);

    /// <summary>Builds the document when the caller already read the record id (the batch loop groups by it).</summary>
    public ProcessedDocument Build(DynamoDBEvent.DynamodbStreamRecord record, string id, DateTimeOffset processedAt)
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
        var newImage = StreamRecordFields.Image(StreamImages.NewImage(data), "NewImage", data.StreamViewType);
        var oldImage = isModify ? StreamRecordFields.Image(StreamImages.OldImage(data), "OldImage", data.StreamViewType) : default;

        // Plain JSON is smaller than the DynamoDB JSON it comes from; the metadata adds well under 1 KB.
        var estimate = JsonMarshal.GetRawUtf8Value(newImage).Length + (isModify ? JsonMarshal.GetRawUtf8Value(oldImage).Length : 0) + 1024;
        var buffer = new ArrayBufferWriter<byte>(estimate);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("recordId", id);
            writer.WritePropertyName("data");
            AttributeValueJson.WriteMap(writer, newImage, "NewImage");
            if (isModify)
            {
                writer.WritePropertyName("previous");
                AttributeValueJson.WriteMap(writer, oldImage, "OldImage");
            }

            writer.WriteStartObject("metadata");
            writer.WriteString("eventId", record.EventID);
            writer.WriteString("eventName", record.EventName);
            writer.WriteString("sequenceNumber", data.SequenceNumber);
            writer.WriteString("approximateCreationDateTime", StreamRecordFields.Iso8601(createdAt, alwaysMilliseconds: false));
            writer.WriteString("processedAt", StreamRecordFields.Iso8601(processedAt, alwaysMilliseconds: true));
            writer.WriteString("processingStatus", "PROCESSED");
            writer.WriteString("sourceTable", sourceTable);
            if (isModify)
            {
                writer.WriteStartArray("changedAttributes");
                foreach (var name in AttributeDiff.ChangedAttributes(newImage, oldImage))
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return new ProcessedDocument(ObjectKeyLayout.Build(keyPrefix, createdAt, id), id, buffer.WrittenSpan.ToArray());
    }
}
