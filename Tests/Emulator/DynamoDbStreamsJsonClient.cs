using System.Globalization;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Emulator;

/// <summary>One stream record as read from the emulator, already in the shape Lambda delivers it.</summary>
public sealed record StreamRecordEnvelope(string ShardId, string SequenceNumber, string EventName, JsonObject LambdaRecord);

/// <summary>
/// Reads DynamoDB stream records over the JSON protocol and reshapes them as Lambda delivers them: adds
/// <c>eventSourceARN</c> and turns <c>ApproximateCreationDateTime</c> into epoch seconds. Remembers how far it has
/// read per shard, so each call returns only new records.
/// </summary>
public sealed class DynamoDbStreamsJsonClient(Uri endpoint, string region)
    : AwsJsonClient(endpoint, region, "dynamodb", "DynamoDBStreams_20120810")
{
    private readonly Dictionary<string, string> _lastSequenceByShard = [];

    public async Task<IReadOnlyList<StreamRecordEnvelope>> ReadNewAsync(string streamArn)
    {
        var description = await CallAsync("DescribeStream", new { StreamArn = streamArn });
        var records = new List<StreamRecordEnvelope>();
        foreach (var shard in description["StreamDescription"]!["Shards"]!.AsArray())
        {
            var shardId = shard!["ShardId"]!.GetValue<string>();
            var shardKey = $"{streamArn}|{shardId}";
            var iteratorRequest = _lastSequenceByShard.TryGetValue(shardKey, out var last)
                ? new { StreamArn = streamArn, ShardId = shardId, ShardIteratorType = "AFTER_SEQUENCE_NUMBER", SequenceNumber = (string?)last }
                : new { StreamArn = streamArn, ShardId = shardId, ShardIteratorType = "TRIM_HORIZON", SequenceNumber = (string?)null };
            var iterator = (await CallAsync("GetShardIterator", iteratorRequest))["ShardIterator"]?.GetValue<string>();

            while (iterator is not null)
            {
                var page = await CallAsync("GetRecords", new { ShardIterator = iterator, Limit = 1000 });
                var items = page["Records"]?.AsArray() ?? [];
                if (items.Count == 0)
                {
                    break;
                }

                foreach (var item in items)
                {
                    var record = ToLambdaShape(item!.AsObject(), streamArn);
                    var sequence = record["dynamodb"]!["SequenceNumber"]!.GetValue<string>();
                    records.Add(new StreamRecordEnvelope(shardId, sequence, record["eventName"]!.GetValue<string>(), record));
                    _lastSequenceByShard[shardKey] = sequence;
                }
                iterator = page["NextShardIterator"]?.GetValue<string>();
            }
        }
        return records;
    }

    private static JsonObject ToLambdaShape(JsonObject apiRecord, string streamArn)
    {
        var record = (JsonObject)apiRecord.DeepClone();
        record["eventSourceARN"] = streamArn;
        var data = record["dynamodb"]!.AsObject();
        data["ApproximateCreationDateTime"] = EpochSeconds(data["ApproximateCreationDateTime"]);
        return record;
    }

    /// <summary>The API sends a timestamp (epoch seconds, or text on some emulators); Lambda sends epoch
    /// seconds.</summary>
    private static JsonNode EpochSeconds(JsonNode? value)
    {
        if (value is JsonValue number && number.TryGetValue<decimal>(out var seconds))
        {
            return JsonValue.Create(seconds);
        }

        var text = value?.GetValue<string>() ?? throw new InvalidOperationException("Stream record has no ApproximateCreationDateTime.");
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            return JsonValue.Create(seconds);
        }

        var instant = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return JsonValue.Create(instant.ToUnixTimeMilliseconds() / 1000m);
    }
}
