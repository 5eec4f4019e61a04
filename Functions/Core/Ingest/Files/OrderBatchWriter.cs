using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// Writes order items with <c>BatchWriteItem</c>, 25 at a time and up to <see cref="MaxInFlight"/> batches at once.
/// Unprocessed items are sent again with exponential backoff and jitter; items still unprocessed after
/// <see cref="MaxAttempts"/> fail the file (the invocation is retried). Two writes of one order id are never in
/// flight together, so the later line of a file always wins.
/// </summary>
public sealed class OrderBatchWriter(IAmazonDynamoDB dynamoDb, string tableName, Func<TimeSpan, Task>? delay = null)
{
    public const int BatchSize = 25;
    public const int MaxInFlight = 4;
    public const int MaxAttempts = 10;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly Func<TimeSpan, Task> _delay = delay ?? (wait => Task.Delay(wait));
    private readonly List<(Task Write, HashSet<string> Keys)> _inFlight = [];
    private List<WriteRequest> _batch = new(BatchSize);
    private HashSet<string> _batchKeys = new(StringComparer.Ordinal);
    private long _written;

    /// <summary>Items confirmed written so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    private int _retries;

    /// <summary>Retries of unprocessed items, for the log line.</summary>
    public int Retries => Volatile.Read(ref _retries);

    public async Task AddAsync(string orderId, Dictionary<string, AttributeValue> item)
    {
        if (_batchKeys.Contains(orderId) || _inFlight.Any(flight => flight.Keys.Contains(orderId)))
        {
            // The same order again: everything before it lands first.
            await DispatchAsync().ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);
        }

        _batch.Add(new WriteRequest { PutRequest = new PutRequest { Item = item } });
        _batchKeys.Add(orderId);
        if (_batch.Count == BatchSize)
        {
            await DispatchAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes what is buffered and waits for every batch in flight.</summary>
    public async Task FlushAsync()
    {
        await DispatchAsync().ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
    }

    private async Task DispatchAsync()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        while (_inFlight.Count >= MaxInFlight)
        {
            var done = await Task.WhenAny(_inFlight.Select(flight => flight.Write)).ConfigureAwait(false);
            var index = _inFlight.FindIndex(flight => flight.Write == done);
            _inFlight.RemoveAt(index);
            await done.ConfigureAwait(false);
        }

        _inFlight.Add((WriteAsync(_batch), _batchKeys));
        _batch = new List<WriteRequest>(BatchSize);
        _batchKeys = new HashSet<string>(StringComparer.Ordinal);
    }

    private async Task DrainAsync()
    {
        try
        {
            await Task.WhenAll(_inFlight.Select(flight => flight.Write)).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.Clear();
        }
    }

    private async Task WriteAsync(List<WriteRequest> batch)
    {
        var pending = batch;
        for (var attempt = 1; ; attempt++)
        {
            var response = await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new Dictionary<string, List<WriteRequest>> { [tableName] = pending },
            }).ConfigureAwait(false);

            var unprocessed = response.UnprocessedItems is { } left && left.TryGetValue(tableName, out var items)
                ? items
                : [];
            Interlocked.Add(ref _written, pending.Count - unprocessed.Count);
            if (unprocessed.Count == 0)
            {
                return;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException(
                    $"{unprocessed.Count} order(s) were still unprocessed after {MaxAttempts} BatchWriteItem attempts.");
            }

            Interlocked.Increment(ref _retries);
            await _delay(Backoff(attempt)).ConfigureAwait(false);
            pending = unprocessed;
        }
    }

    /// <summary>Full jitter: a random wait up to 50 ms x 2^(attempt-1), at most 5 s.</summary>
    public static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
