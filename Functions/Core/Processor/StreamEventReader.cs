using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Amazon.Lambda.DynamoDBEvents;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Reads a DynamoDB stream event in one hand-written pass into the objects the handlers' serializer makes from it (the
/// package's reader with <see cref="RawStreamRecordConverter"/>): the package's records with their string fields and a
/// <see cref="RawStreamRecord"/> whose key and images are slices of the event buffer. The package's reader costs about
/// as much as the whole build of a record, mostly to tokenize each image only to skip it.
/// </summary>
/// <remarks>
/// It takes only events in the shape Lambda sends: property names spelled as Lambda spells them, each at most once,
/// string fields as strings or null, the creation time as epoch seconds without an exponent, and no top-level or
/// record fields other than Lambda's. Anything else answers null, and the
/// caller reads the event with the package's reader, which makes the same objects or throws its usual error. It checks
/// the JSON itself (UTF-8 once over the buffer, then every token and the reader's depth limit), so it never accepts an
/// event the package's reader would reject.
/// </remarks>
internal ref struct StreamEventReader
{
    // The containers around an image (the event, Records, the record, dynamodb) count against the reader's limit.
    private const int ImageDepthLeft = DynamoDbLimits.EventReaderMaxDepth - 4;

    [ThreadStatic]
    private static RepeatedFields? _repeated;

    private readonly byte[] _buffer;
    private readonly RepeatedFields _strings;
    private int _at;

    private StreamEventReader(byte[] buffer)
    {
        _buffer = buffer;
        _strings = _repeated ??= new RepeatedFields();
    }

    /// <summary>The event, or null when the package's reader must read it.</summary>
    public static DynamoDBEvent? TryRead(byte[] utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            return null;
        }
        var reader = new StreamEventReader(utf8Json);
        return reader.TryReadEvent(out var streamEvent) ? streamEvent : null;
    }

    private readonly ReadOnlySpan<byte> Json => _buffer;

    private bool TryReadEvent(out DynamoDBEvent? streamEvent)
    {
        streamEvent = null;
        _at = JsonScan.SkipWhitespace(Json, 0);
        if (!TrySkip((byte)'{'))
        {
            return false;
        }

        var result = new DynamoDBEvent();
        if (!TrySkip((byte)'}'))
        {
            if (!TryName(out var name) || !name.SequenceEqual("Records"u8) || !TryRecords(result) ||
                !TrySkip((byte)'}'))
            {
                return false;
            }
        }
        if (_at != Json.Length)
        {
            return false;
        }
        streamEvent = result;
        return true;
    }

    private bool TryRecords(DynamoDBEvent streamEvent)
    {
        if (TryNull())
        {
            return true;
        }
        if (!TrySkip((byte)'['))
        {
            return false;
        }

        var records = new List<DynamoDBEvent.DynamodbStreamRecord>();
        streamEvent.Records = records;
        if (TrySkip((byte)']'))
        {
            return true;
        }
        while (true)
        {
            if (!TryRecord(out var record))
            {
                return false;
            }
            records.Add(record);
            if (TrySkip((byte)']'))
            {
                return true;
            }
            if (!TrySkip((byte)','))
            {
                return false;
            }
        }
    }

    private bool TryRecord(out DynamoDBEvent.DynamodbStreamRecord record)
    {
        record = new DynamoDBEvent.DynamodbStreamRecord();
        if (!TrySkip((byte)'{'))
        {
            return false;
        }
        if (TrySkip((byte)'}'))
        {
            return true;
        }

        var seen = 0;
        while (true)
        {
            if (!TryName(out var name))
            {
                return false;
            }
            var field = RecordField(name);
            if (field == 0 || (seen & field) != 0)
            {
                return false;
            }
            seen |= field;

            string? text = null;
            var read = field switch
            {
                RecordFields.EventId => TryString(null, out text),
                RecordFields.EventName => TryString(_strings.EventName, out text),
                RecordFields.EventVersion => TryString(_strings.EventVersion, out text),
                RecordFields.EventSource => TryString(_strings.EventSource, out text),
                RecordFields.AwsRegion => TryString(_strings.AwsRegion, out text),
                RecordFields.EventSourceArn => TryString(_strings.EventSourceArn, out text),
                RecordFields.UserIdentity => TryIdentity(record),
                _ => TryStreamRecord(record),
            };
            if (!read)
            {
                return false;
            }
            switch (field)
            {
                case RecordFields.EventId:
                    record.EventID = text;
                    break;
                case RecordFields.EventName:
                    record.EventName = text;
                    break;
                case RecordFields.EventVersion:
                    record.EventVersion = text;
                    break;
                case RecordFields.EventSource:
                    record.EventSource = text;
                    break;
                case RecordFields.AwsRegion:
                    record.AwsRegion = text;
                    break;
                case RecordFields.EventSourceArn:
                    record.EventSourceArn = text;
                    break;
            }

            if (TrySkip((byte)'}'))
            {
                return true;
            }
            if (!TrySkip((byte)','))
            {
                return false;
            }
        }
    }

    private static class RecordFields
    {
        public const int EventId = 1, EventName = 2, EventVersion = 4, EventSource = 8, AwsRegion = 16,
            EventSourceArn = 32, Dynamodb = 64, UserIdentity = 128;
    }

    private static int RecordField(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("eventID"u8) => RecordFields.EventId,
        _ when name.SequenceEqual("eventName"u8) => RecordFields.EventName,
        _ when name.SequenceEqual("eventVersion"u8) => RecordFields.EventVersion,
        _ when name.SequenceEqual("eventSource"u8) => RecordFields.EventSource,
        _ when name.SequenceEqual("awsRegion"u8) => RecordFields.AwsRegion,
        _ when name.SequenceEqual("eventSourceARN"u8) => RecordFields.EventSourceArn,
        _ when name.SequenceEqual("dynamodb"u8) => RecordFields.Dynamodb,
        _ when name.SequenceEqual("userIdentity"u8) => RecordFields.UserIdentity,
        _ => 0,
    };

    /// <summary><c>userIdentity</c> (TTL deletions): <c>type</c> and <c>principalId</c>, each at most once.</summary>
    private bool TryIdentity(DynamoDBEvent.DynamodbStreamRecord record)
    {
        if (TryNull())
        {
            return true;
        }
        if (!TrySkip((byte)'{'))
        {
            return false;
        }

        var identity = new DynamoDBEvent.Identity();
        record.UserIdentity = identity;
        if (TrySkip((byte)'}'))
        {
            return true;
        }
        var seen = 0;
        while (true)
        {
            if (!TryName(out var name))
            {
                return false;
            }
            var field = name.SequenceEqual("type"u8) ? 1 : name.SequenceEqual("principalId"u8) ? 2 : 0;
            if (field == 0 || (seen & field) != 0)
            {
                return false;
            }
            seen |= field;
            if (!TryString(field == 1 ? _strings.IdentityType : _strings.PrincipalId, out var text))
            {
                return false;
            }
            if (field == 1)
            {
                identity.Type = text;
            }
            else
            {
                identity.PrincipalId = text;
            }

            if (TrySkip((byte)'}'))
            {
                return true;
            }
            if (!TrySkip((byte)','))
            {
                return false;
            }
        }
    }

    /// <summary>The <c>dynamodb</c> section as <see cref="RawStreamRecordConverter"/> reads it.</summary>
    private bool TryStreamRecord(DynamoDBEvent.DynamodbStreamRecord record)
    {
        if (TryNull())
        {
            return true;
        }
        if (!TrySkip((byte)'{'))
        {
            return false;
        }

        var data = new RawStreamRecord();
        record.Dynamodb = data;
        if (TrySkip((byte)'}'))
        {
            return true;
        }

        var seen = 0;
        while (true)
        {
            if (!TryName(out var name))
            {
                return false;
            }
            var field = StreamField(name);
            if ((seen & field) != 0)
            {
                return false;
            }
            seen |= field;

            if (!TryStreamField(field, data))
            {
                return false;
            }
            if (TrySkip((byte)'}'))
            {
                // The whole buffer was checked to be UTF-8 before reading.
                data.ImagesAreValidUtf8 = true;
                return true;
            }
            if (!TrySkip((byte)','))
            {
                return false;
            }
        }
    }

    private bool TryStreamField(int field, RawStreamRecord data)
    {
        ReadOnlyMemory<byte>? raw;
        string? text;
        switch (field)
        {
            case StreamFields.NewImage when TryRaw(out raw):
                data.NewImageUtf8 = raw;
                return true;
            case StreamFields.OldImage when TryRaw(out raw):
                data.OldImageUtf8 = raw;
                return true;
            case StreamFields.Keys when TryRaw(out raw):
                data.KeysUtf8 = raw;
                return true;
            case StreamFields.SequenceNumber when TryString(null, out text):
                data.SequenceNumber = text;
                return true;
            case StreamFields.StreamViewType when TryString(_strings.StreamViewType, out text):
                data.StreamViewType = text;
                return true;
            case StreamFields.CreationTime:
                return TryCreationTime(data);
            case StreamFields.SizeBytes:
                return TrySizeBytes(data);
            case StreamFields.Other:
                // Skipped, as the converter skips fields it does not know.
                return JsonScan.TrySkipValue(Json, ref _at, ImageDepthLeft) && SkipWhitespace();
            default:
                return false;
        }
    }

    private static class StreamFields
    {
        public const int Other = 0, NewImage = 1, OldImage = 2, Keys = 4, SequenceNumber = 8, StreamViewType = 16,
            CreationTime = 32, SizeBytes = 64;
    }

    private static int StreamField(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("NewImage"u8) => StreamFields.NewImage,
        _ when name.SequenceEqual("OldImage"u8) => StreamFields.OldImage,
        _ when name.SequenceEqual("Keys"u8) => StreamFields.Keys,
        _ when name.SequenceEqual("SequenceNumber"u8) => StreamFields.SequenceNumber,
        _ when name.SequenceEqual("StreamViewType"u8) => StreamFields.StreamViewType,
        _ when name.SequenceEqual("ApproximateCreationDateTime"u8) => StreamFields.CreationTime,
        _ when name.SequenceEqual("SizeBytes"u8) => StreamFields.SizeBytes,
        _ => StreamFields.Other,
    };

    /// <summary>A key or image: its raw JSON as a slice of the event buffer, null for a JSON <c>null</c>.</summary>
    private bool TryRaw(out ReadOnlyMemory<byte>? raw)
    {
        raw = null;
        if (TryNull())
        {
            return true;
        }
        var start = _at;
        if (!JsonScan.TrySkipValue(Json, ref _at, ImageDepthLeft))
        {
            return false;
        }
        raw = new ReadOnlyMemory<byte>(_buffer, start, _at - start);
        return SkipWhitespace();
    }

    /// <summary>Epoch seconds without an exponent, parsed as the reader's <c>TryGetDecimal</c> does.</summary>
    private bool TryCreationTime(RawStreamRecord data)
    {
        if (TryNull())
        {
            return true;
        }
        var start = _at;
        if (!JsonScan.TryNumber(Json, ref _at))
        {
            return false;
        }
        var number = Json[start.._at];
        if (number.IndexOfAny((byte)'e', (byte)'E') >= 0 ||
            !Utf8Parser.TryParse(number, out decimal seconds, out var consumed) || consumed != number.Length)
        {
            return false;
        }
        RawStreamRecordConverter.SetCreationTime(data, seconds);
        return SkipWhitespace();
    }

    /// <summary>A number, as the reader's <c>TryGetInt64</c> reads it: 0 when it is not a whole 64-bit number.</summary>
    private bool TrySizeBytes(RawStreamRecord data)
    {
        var start = _at;
        if (!JsonScan.TryNumber(Json, ref _at))
        {
            return false;
        }
        var number = Json[start.._at];
        data.SizeBytes = Utf8Parser.TryParse(number, out long size, out var consumed) && consumed == number.Length ? size : 0;
        return SkipWhitespace();
    }

    /// <summary>A string or null; an unescaped string that repeats across records comes from
    /// <paramref name="repeated"/>.</summary>
    private bool TryString(RecentStrings? repeated, out string? text)
    {
        text = null;
        if (TryNull())
        {
            return true;
        }

        var start = _at;
        if (!JsonScan.TryString(Json, ref _at, out var escaped))
        {
            return false;
        }
        var content = Json[(start + 1)..(_at - 1)];
        if (!escaped)
        {
            text = repeated?.Get(content) ?? Encoding.UTF8.GetString(content);
        }
        else if (!TryUnescape(Json[start.._at], out text))
        {
            return false;
        }
        return SkipWhitespace();
    }

    private static bool TryUnescape(ReadOnlySpan<byte> token, out string? text)
    {
        text = null;
        try
        {
            var reader = new Utf8JsonReader(token);
            reader.Read();
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // an unpaired surrogate: the package's reader reports it
        }
    }

    /// <summary>A property name as Lambda spells it (an escaped name is left to the package's reader), then the colon
    /// and whitespace.</summary>
    private bool TryName(out ReadOnlySpan<byte> name)
    {
        name = default;
        var start = _at;
        if (!JsonScan.TryString(Json, ref _at, out var escaped) || escaped)
        {
            return false;
        }
        name = Json[(start + 1)..(_at - 1)];
        _at = JsonScan.SkipWhitespace(Json, _at);
        return TrySkip((byte)':');
    }

    private bool TryNull()
    {
        if (!JsonScan.TryLiteral(Json, ref _at, "null"u8))
        {
            return false;
        }
        return SkipWhitespace();
    }

    /// <summary>Past <paramref name="expected"/> and the whitespace after it.</summary>
    private bool TrySkip(byte expected)
    {
        if (_at >= Json.Length || Json[_at] != expected)
        {
            return false;
        }
        _at = JsonScan.SkipWhitespace(Json, _at + 1);
        return true;
    }

    private bool SkipWhitespace()
    {
        _at = JsonScan.SkipWhitespace(Json, _at);
        return true;
    }

    /// <summary>Per thread: the recent values of the fields that repeat across an event's records.</summary>
    private sealed class RepeatedFields
    {
        public RecentStrings EventName { get; } = new(3);
        public RecentStrings EventVersion { get; } = new(2);
        public RecentStrings EventSource { get; } = new(2);
        public RecentStrings AwsRegion { get; } = new(2);
        public RecentStrings EventSourceArn { get; } = new(2);
        public RecentStrings StreamViewType { get; } = new(2);
        public RecentStrings IdentityType { get; } = new(2);
        public RecentStrings PrincipalId { get; } = new(2);
    }
}
