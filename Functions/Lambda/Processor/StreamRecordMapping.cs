using Amazon.Lambda.DynamoDBEvents;
using SdkValue = Amazon.DynamoDBv2.Model.AttributeValue;
using PackageValue = Amazon.Lambda.DynamoDBEvents.DynamoDBEvent.AttributeValue;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The package's DynamoDB stream event as the core's <see cref="ChangeRecord"/>s: field for field, the images'
/// attribute values copied into the SDK's (N stays text, B/BS keep their streams). A missing event or records list
/// stays null, and a null record, image value or list element stays null, so the core names what is wrong; a value
/// with an unknown type tag (which the package's reader leaves with nothing set) stays so.
/// </summary>
internal static class StreamRecordMapping
{
    public static IReadOnlyList<ChangeRecord>? From(DynamoDBEvent? streamEvent)
    {
        if (streamEvent?.Records is not { } records)
        {
            return null;
        }
        var result = new List<ChangeRecord>(records.Count);
        foreach (var record in records)
        {
            result.Add(record is null ? null! : From(record));
        }
        return result;
    }

    public static ChangeRecord From(DynamoDBEvent.DynamodbStreamRecord record)
    {
        var data = record.Dynamodb;
        return new ChangeRecord(
            EventId: record.EventID,
            EventName: record.EventName,
            EventSource: record.EventSource,
            EventSourceArn: record.EventSourceArn,
            SequenceNumber: data?.SequenceNumber,
            // The package reads epoch seconds into a UTC DateTime and leaves default(DateTime) when there were none.
            ApproximateCreationDateTime: data is null || data.ApproximateCreationDateTime == default
                ? null
                : DateTime.SpecifyKind(data.ApproximateCreationDateTime, DateTimeKind.Utc),
            Keys: Map(data?.Keys),
            NewImage: Map(data?.NewImage),
            OldImage: Map(data?.OldImage),
            StreamViewType: data?.StreamViewType);
    }

    private static Dictionary<string, SdkValue>? Map(Dictionary<string, PackageValue>? map)
    {
        if (map is null)
        {
            return null;
        }
        var result = new Dictionary<string, SdkValue>(map.Count, StringComparer.Ordinal);
        foreach (var (name, value) in map)
        {
            result[name] = Value(value)!;
        }
        return result;
    }

    private static SdkValue? Value(PackageValue? value)
    {
        if (value is null)
        {
            return null;
        }
        return new SdkValue
        {
            S = value.S,
            N = value.N,
            B = value.B,
            BOOL = value.BOOL,
            NULL = value.NULL,
            M = Map(value.M),
            L = List(value.L),
            SS = value.SS,
            NS = value.NS,
            BS = value.BS,
        };
    }

    private static List<SdkValue>? List(List<PackageValue>? items)
    {
        if (items is null)
        {
            return null;
        }
        var result = new List<SdkValue>(items.Count);
        foreach (var item in items)
        {
            result.Add(Value(item)!);
        }
        return result;
    }
}
