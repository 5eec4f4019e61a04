using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Emulator;

/// <summary>
/// Reads DynamoDB stream records over the DynamoDB Streams JSON protocol (1.0) and reshapes them as Lambda delivers
/// them: adds <c>eventSourceARN</c> and turns <c>ApproximateCreationDateTime</c> into epoch seconds. Remembers how far
/// it has read per shard, so each call returns only new records. Hand-written because the SDK's Streams client is in
/// AWSSDK.DynamoDBStreams (AWSSDK.DynamoDBv2 4.x no longer holds it), which the NuGet source of this project's
/// machines does not serve. Emulators do not check signatures, so requests carry a well-formed but unsigned
/// Authorization header that only names the service and region.
/// </summary>
public sealed class DynamoDbStreamsJsonClient(Uri endpoint, string region) : IDisposable
{
    private const string TargetPrefix = "DynamoDBStreams_20120810";
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, string> _lastSequenceByShard = [];

    public async Task<IReadOnlyList<StreamRecordEnvelope>> ReadNewAsync(string streamArn)
    {
        var description = await CallAsync("DescribeStream", new JsonObject { ["StreamArn"] = streamArn });
        var records = new List<StreamRecordEnvelope>();
        foreach (var shard in description["StreamDescription"]!["Shards"]!.AsArray())
        {
            var shardId = shard!["ShardId"]!.GetValue<string>();
            var shardKey = $"{streamArn}|{shardId}";
            var iteratorRequest = new JsonObject { ["StreamArn"] = streamArn, ["ShardId"] = shardId };
            if (_lastSequenceByShard.TryGetValue(shardKey, out var last))
            {
                iteratorRequest["ShardIteratorType"] = "AFTER_SEQUENCE_NUMBER";
                iteratorRequest["SequenceNumber"] = last;
            }
            else
            {
                iteratorRequest["ShardIteratorType"] = "TRIM_HORIZON";
            }
            var iterator = (await CallAsync("GetShardIterator", iteratorRequest))["ShardIterator"]?.GetValue<string>();

            while (iterator is not null)
            {
                var page = await CallAsync("GetRecords", new JsonObject { ["ShardIterator"] = iterator, ["Limit"] = 1000 });
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

    private async Task<JsonNode> CallAsync(string operation, JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/");
        message.Content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        message.Headers.Add("X-Amz-Target", $"{TargetPrefix}.{operation}");
        message.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=testing/{DateTime.UtcNow:yyyyMMdd}/{region}/dynamodb/aws4_request, SignedHeaders=host, Signature=0");

        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{TargetPrefix}.{operation} failed with {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
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

    public void Dispose() => _http.Dispose();
}
