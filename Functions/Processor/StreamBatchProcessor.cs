using System.Diagnostics;
using Amazon.Lambda.DynamoDBEvents;
using OrdersPipeline.Functions.Logging;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The batch loop: skips REMOVE records, writes records of one key in stream order and different keys
/// concurrently (up to <c>maxConcurrency</c>), and turns per-record failures into the sequence numbers to report.
/// When a record fails, the later records of the same key are not written (they would overtake it) and are
/// reported too; Lambda retries from the lowest reported sequence number.
/// </summary>
public sealed class StreamBatchProcessor(
    ProcessedDocumentBuilder builder,
    IProcessedObjectStore store,
    int maxConcurrency,
    TimeProvider time)
{
    /// <param name="streamEvent">The batch.</param>
    /// <param name="log">The invocation's log: every line carries its request id.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    public async Task<BatchOutcome> ProcessAsync(DynamoDBEvent? streamEvent, JsonLog log, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var records = StreamEventValidator.Validate(streamEvent);
        var failures = new FailureSet(records.Count);
        var skipped = 0;
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);

        for (var index = 0; index < records.Count; index++)
        {
            var record = records[index];
            if (record.EventName == "REMOVE")
            {
                skipped++;
                continue;
            }
            try
            {
                var id = builder.RecordId(record);
                if (!groups.TryGetValue(id, out var group))
                {
                    groups[id] = group = [];
                }

                group.Add(index);
            }
            catch (RecordException error)
            {
                failures.Add(index, record, key: null, error.Message, log);
            }
        }

        var written = 0;
        await Parallel.ForEachAsync(groups, new ParallelOptions
        {
            MaxDegreeOfParallelism = maxConcurrency,
            CancellationToken = cancellationToken,
        }, async (group, ct) =>
        {
            var count = await WriteInOrderAsync(records, group.Key, group.Value, failures, log, ct).ConfigureAwait(false);
            Interlocked.Add(ref written, count);
        }).ConfigureAwait(false);

        var failed = failures.InStreamOrder(records);
        log.Write("INFO", "stream batch processed",
            ("records", records.Count), ("written", written), ("skippedRemoves", skipped),
            ("failed", failed.Count), ("durationMs", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new BatchOutcome(records.Count, written, skipped, failed);
    }

    private async Task<int> WriteInOrderAsync(
        IList<DynamoDBEvent.DynamodbStreamRecord> records, string key, List<int> indexes, FailureSet failures, JsonLog log,
        CancellationToken ct)
    {
        var written = 0;
        for (var position = 0; position < indexes.Count; position++)
        {
            var record = records[indexes[position]];
            try
            {
                var document = builder.Build(record, key, time.GetUtcNow());
                await store.PutAsync(document, ct).ConfigureAwait(false);
                written++;
            }
            catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures.Add(indexes[position], record, key, Describe(error), log);
                var reason = $"not written: an earlier record of the same key ({record.Dynamodb!.SequenceNumber}) failed";
                foreach (var later in indexes.Skip(position + 1))
                {
                    failures.Add(later, records[later], key, reason, log);
                }

                break;
            }
        }
        return written;
    }

    private static string Describe(Exception error) =>
        error is RecordException ? error.Message : $"{error.GetType().Name}: {error.Message}";

    /// <summary>Failed record indexes, safe to add to from concurrent key groups.</summary>
    private sealed class FailureSet(int capacity)
    {
        private readonly bool[] _failed = new bool[capacity];

        public void Add(int index, DynamoDBEvent.DynamodbStreamRecord record, string? key, string error, JsonLog log)
        {
            Volatile.Write(ref _failed[index], true);
            log.Write("ERROR", "stream record failed",
                ("sequenceNumber", record.Dynamodb?.SequenceNumber), ("eventId", record.EventID),
                ("eventName", record.EventName), ("key", key), ("error", error));
        }

        public IReadOnlyList<string> InStreamOrder(IList<DynamoDBEvent.DynamodbStreamRecord> records) =>
            [.. Enumerable.Range(0, records.Count).Where(i => _failed[i]).Select(i => records[i].Dynamodb!.SequenceNumber!)];
    }
}
