using System.Diagnostics;
using OrdersPipeline.Functions.Logging;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The batch loop: skips REMOVE records, writes records of one key in stream order and different keys
/// concurrently (up to <c>maxConcurrency</c>), and reports every record that is not written (a record counts as
/// failed until its write succeeds). When a record fails, the later records of the same key are not written (they
/// would overtake it) and are reported too; Lambda retries from the lowest reported sequence number. Near the
/// deadline (<see cref="TimeBudget.CanStartWrite"/>) no new write starts: those records are deferred, i.e. reported.
/// A record whose key already holds its change or a newer one (the store says so) is done without a write.
/// </summary>
public sealed class StreamBatchProcessor(
    ProcessedDocumentBuilder builder,
    IProcessedObjectStore store,
    int maxConcurrency,
    TimeProvider time)
{
    /// <param name="records">The batch's records; null when the input was not a stream event.</param>
    /// <param name="log">The invocation's log: every line carries its request id.</param>
    /// <param name="budget">The invocation's time budget; its token abandons writes still in flight at the
    /// margin.</param>
    public async Task<BatchOutcome> ProcessAsync(IReadOnlyList<ChangeRecord>? records, JsonLog log, TimeBudget budget)
    {
        var started = Stopwatch.GetTimestamp();
        var batch = StreamEventValidator.Validate(records);
        var state = new RecordStates(batch.Count);
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);

        for (var index = 0; index < batch.Count; index++)
        {
            var record = batch[index];
            if (record.EventName == "REMOVE")
            {
                state.Skip(index);
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
                LogFailure(log, record, key: null, error.Message);
            }
        }

        // The groups are not cancelled as a whole: each checks the budget before every write, so every record ends
        // up written, failed or deferred, and the response always names the unwritten ones.
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency },
            async (group, _) => await WriteInOrderAsync(batch, group.Key, group.Value, state, log, budget)
                .ConfigureAwait(false)).ConfigureAwait(false);

        var failed = state.Unwritten(batch);
        var duration = Stopwatch.GetElapsedTime(started);
        log.Write("INFO", "stream batch processed",
            ("records", batch.Count), ("written", state.Written), ("alreadyStored", state.AlreadyStored),
            ("conditionFailures", state.ConditionFailures), ("skippedRemoves", state.Skipped),
            ("failed", failed.Count - state.Deferred), ("deferred", state.Deferred),
            ("remainingMs", budget.Remaining.TotalMilliseconds), ("durationMs", duration.TotalMilliseconds));
        return new BatchOutcome(batch.Count, state.Written, state.Skipped, failed)
        {
            Deferred = state.Deferred,
            AlreadyStored = state.AlreadyStored,
            ConditionFailures = state.ConditionFailures,
            CardNumbersMasked = state.Masked,
            Duration = duration,
            MaxWriteLag = state.Written > 0 ? TimeSpan.FromMilliseconds(state.MaxLagMs) : null,
            AverageWriteLag = state.Written > 0 ? TimeSpan.FromMilliseconds((double)state.TotalLagMs / state.Written) : null,
        };
    }

    private async Task WriteInOrderAsync(
        IReadOnlyList<ChangeRecord> records, string key, List<int> indexes, RecordStates state, JsonLog log,
        TimeBudget budget)
    {
        for (var position = 0; position < indexes.Count; position++)
        {
            var record = records[indexes[position]];
            if (!budget.CanStartWrite)
            {
                foreach (var later in indexes.Skip(position))
                {
                    state.Defer();
                    log.Write("WARN", "stream record deferred",
                        ("sequenceNumber", records[later].SequenceNumber), ("key", key),
                        ("reason", "not started: the invocation's time budget is nearly spent"),
                        ("remainingMs", budget.Remaining.TotalMilliseconds));
                }
                return;
            }
            try
            {
                var document = builder.BuildPooled(record, key, time.GetUtcNow());
                var result = await store.PutAsync(document, record, budget).ConfigureAwait(false);
                if (store is S3ProcessedObjectStore)
                {
                    // The write completed and the store keeps no reference: the body's buffer can be reused. (Other
                    // stores might keep the document; a failed or abandoned write leaves the buffer to the GC.)
                    document.Release();
                }
                state.AddConditionFailures(result.ConditionFailures);
                if (result.Written)
                {
                    state.MarkWritten(indexes[position], time.GetUtcNow() - StreamRecordFields.CreatedAt(record));
                    if (document.MaskedFields.Count > 0)
                    {
                        // The fields only: never the value, nor the key (which may be the card number itself).
                        state.MarkMasked();
                        log.Write("WARN", "card numbers masked", ("sequenceNumber", record.SequenceNumber),
                            ("eventId", record.EventId), ("fields", string.Join(",", document.MaskedFields)));
                    }

                    if (result.ConditionFailures > 0)
                    {
                        log.Write("INFO", "stream record written after a condition failure",
                            ("sequenceNumber", record.SequenceNumber), ("key", key),
                            ("conditionFailures", result.ConditionFailures));
                    }
                }
                else
                {
                    state.MarkAlreadyStored(indexes[position]);
                    log.Write("INFO", "stream record already stored",
                        ("sequenceNumber", record.SequenceNumber), ("key", key),
                        ("storedSequenceNumber", result.StoredSequenceNumber),
                        ("conditionFailures", result.ConditionFailures));
                }
            }
            catch (Exception error)
            {
                LogFailure(log, record, key, Describe(error, budget));
                var reason = $"not written: an earlier record of the same key ({record.SequenceNumber}) failed";
                foreach (var later in indexes.Skip(position + 1))
                {
                    LogFailure(log, records[later], key, reason);
                }
                return;
            }
        }
    }

    private static string Describe(Exception error, TimeBudget budget) => error switch
    {
        RecordException => error.Message,
        OperationCanceledException when budget.Token.IsCancellationRequested =>
            "abandoned at the invocation's deadline margin; it is reported and retried",
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    private static void LogFailure(JsonLog log, ChangeRecord record, string? key, string error) =>
        log.Write("ERROR", "stream record failed",
            ("sequenceNumber", record.SequenceNumber), ("eventId", record.EventId),
            ("eventName", record.EventName), ("key", key), ("error", error));

    /// <summary>
    /// Which records were written or skipped; every other record is reported. Safe across key groups.
    /// </summary>
    private sealed class RecordStates(int count)
    {
        private readonly bool[] _done = new bool[count];
        private int _written;
        private int _skipped;
        private int _deferred;

        public int Written => Volatile.Read(ref _written);
        public int Skipped => _skipped;
        public int Deferred => Volatile.Read(ref _deferred);

        public void Skip(int index)
        {
            _done[index] = true;
            _skipped++;
        }

        private long _maxLagMs;
        private long _totalLagMs;

        public long MaxLagMs => Volatile.Read(ref _maxLagMs);
        public long TotalLagMs => Volatile.Read(ref _totalLagMs);

        public void MarkWritten(int index, TimeSpan lag)
        {
            Volatile.Write(ref _done[index], true);
            Interlocked.Increment(ref _written);
            var lagMs = Math.Max(0, (long)lag.TotalMilliseconds);
            Interlocked.Add(ref _totalLagMs, lagMs);
            long current;
            while ((current = Volatile.Read(ref _maxLagMs)) < lagMs &&
                   Interlocked.CompareExchange(ref _maxLagMs, lagMs, current) != current)
            {
            }
        }

        public void Defer() => Interlocked.Increment(ref _deferred);

        private int _alreadyStored;
        private int _conditionFailures;

        public int AlreadyStored => Volatile.Read(ref _alreadyStored);
        public int ConditionFailures => Volatile.Read(ref _conditionFailures);

        /// <summary>Done without a write: the key already held this change or a newer one.</summary>
        public void MarkAlreadyStored(int index)
        {
            Volatile.Write(ref _done[index], true);
            Interlocked.Increment(ref _alreadyStored);
        }

        public void AddConditionFailures(int count) => Interlocked.Add(ref _conditionFailures, count);

        private int _masked;

        public int Masked => Volatile.Read(ref _masked);

        public void MarkMasked() => Interlocked.Increment(ref _masked);

        public IReadOnlyList<string> Unwritten(IReadOnlyList<ChangeRecord> records) =>
            [.. Enumerable.Range(0, records.Count).Where(i => !Volatile.Read(ref _done[i]))
                .Select(i => records[i].SequenceNumber!)];
    }
}
