using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Lambda.DynamoDBEvents;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Reads a record's <c>dynamodb</c> section into a <see cref="RawStreamRecord"/>: scalar fields as the package
/// does, <c>Keys</c>/<c>NewImage</c>/<c>OldImage</c> as raw <see cref="JsonElement"/>s (no per-attribute objects, no
/// number parsing). Property names are matched as Lambda sends them (docs/contracts.md, "Stream event").
/// </summary>
public sealed class RawStreamRecordConverter : JsonConverter<DynamoDBEvent.StreamRecord>
{
    private static readonly DateTime Epoch = DateTime.UnixEpoch;

    public override DynamoDBEvent.StreamRecord? Read(
        ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("dynamodb must be an object.");
        }

        var record = new RawStreamRecord();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("NewImage"u8))
            {
                record.NewImageUtf8 = ReadRaw(ref reader);
            }
            else if (reader.ValueTextEquals("OldImage"u8))
            {
                record.OldImageUtf8 = ReadRaw(ref reader);
            }
            else if (reader.ValueTextEquals("Keys"u8))
            {
                record.KeysUtf8 = ReadRaw(ref reader);
            }
            else if (reader.ValueTextEquals("SequenceNumber"u8))
            {
                record.SequenceNumber = ReadString(ref reader, "SequenceNumber");
            }
            else if (reader.ValueTextEquals("ApproximateCreationDateTime"u8))
            {
                ReadCreationTime(ref reader, record);
            }
            else if (reader.ValueTextEquals("StreamViewType"u8))
            {
                record.StreamViewType = ReadString(ref reader, "StreamViewType");
            }
            else if (reader.ValueTextEquals("SizeBytes"u8))
            {
                reader.Read();
                record.SizeBytes =
                    reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var size) ? size : 0;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return record;
    }

    public override void Write(Utf8JsonWriter writer, DynamoDBEvent.StreamRecord value, JsonSerializerOptions options)
    {
        var raw = value as RawStreamRecord;
        writer.WriteStartObject();
        if (raw?.ApproximateCreationEpochSeconds is { } seconds)
        {
            writer.WriteNumber("ApproximateCreationDateTime", seconds);
        }
        else if (value.ApproximateCreationDateTime != default)
        {
            writer.WriteNumber("ApproximateCreationDateTime",
                (decimal)(value.ApproximateCreationDateTime - Epoch).Ticks / TimeSpan.TicksPerSecond);
        }
        WriteImage(writer, "Keys", StreamImages.Keys(value));
        WriteImage(writer, "NewImage", StreamImages.NewImage(value));
        WriteImage(writer, "OldImage", StreamImages.OldImage(value));
        if (value.SequenceNumber is not null)
        {
            writer.WriteString("SequenceNumber", value.SequenceNumber);
        }
        writer.WriteNumber("SizeBytes", value.SizeBytes);
        if (value.StreamViewType is not null)
        {
            writer.WriteString("StreamViewType", value.StreamViewType);
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// The next value's raw JSON: a slice of the event buffer when <see cref="EventBuffer.Current"/> holds the buffer
    /// this reader reads (the handlers' serializer sets it), else a copy. Null for a JSON <c>null</c>.
    /// </summary>
    private static ReadOnlyMemory<byte>? ReadRaw(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (EventBuffer.Current is { } buffer && !reader.HasValueSequence)
        {
            var start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            var end = checked((int)reader.BytesConsumed);
            return new ReadOnlyMemory<byte>(buffer, start, end - start);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return JsonMarshal.GetRawUtf8Value(document.RootElement).ToArray();
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw new JsonException($"dynamodb.{name} must be a string."),
        };
    }

    /// <summary>Epoch seconds as Lambda sends them (a number, possibly fractional), or an ISO 8601 string.</summary>
    private static void ReadCreationTime(ref Utf8JsonReader reader, RawStreamRecord record)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var seconds))
        {
            SetCreationTime(record, seconds);
        }
        else if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var instant))
        {
            record.ApproximateCreationDateTime = instant.UtcDateTime;
            record.ApproximateCreationEpochSeconds =
                (decimal)(instant.UtcDateTime - Epoch).Ticks / TimeSpan.TicksPerSecond;
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            throw new JsonException("dynamodb.ApproximateCreationDateTime must be epoch seconds.");
        }
    }

    /// <summary>The creation time from epoch seconds: kept exactly, and as a <see cref="DateTime"/> when in
    /// range.</summary>
    internal static void SetCreationTime(RawStreamRecord record, decimal seconds)
    {
        record.ApproximateCreationEpochSeconds = seconds;
        if (seconds is >= 0 and <= StreamRecordFields.MaxEpochSeconds)
        {
            record.ApproximateCreationDateTime = Epoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }
    }

    private static void WriteImage(Utf8JsonWriter writer, string name, JsonElement? image)
    {
        if (image is { } value)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }
}
