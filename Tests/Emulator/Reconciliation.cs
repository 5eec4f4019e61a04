using System.Globalization;
using System.Numerics;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Emulator;

/// <summary>
/// Where every change went after a run: each stream record the mapping's filter keeps (INSERT, MODIFY) must be in
/// the bucket (an object version carrying its sequence number) or audited (an audit row whose shard and sequence
/// range cover it). Also what a faulty run could break: an object version whose content is not the document of its
/// change (<see cref="ContentMismatches"/>), an object whose latest version is older than another version of it
/// (<see cref="OutOfOrder"/>), and two audit rows for one DLQ message or one range (<see
/// cref="DuplicateAuditRows"/>). The demo prints it; the end-to-end and fault tests assert on it.
/// </summary>
public sealed record Reconciliation(
    IReadOnlyList<StreamRecordEnvelope> Records,
    IReadOnlyList<ProcessedObjectVersion> Versions,
    IReadOnlyList<Dictionary<string, AttributeValue>> AuditRows)
{
    /// <summary>Whether the stream mapping's filter passes a record to the processor (Infra's filter).</summary>
    public static bool KeptByFilter(StreamRecordEnvelope record) =>
        StreamFilters.KeptEventNames.Contains(record.EventName);

    /// <summary>Sequence numbers of the changes the processor is responsible for, in stream order.</summary>
    public IReadOnlyList<string> Changes { get; } = [.. Records.Where(KeptByFilter).Select(r => r.SequenceNumber)];

    /// <summary>Records the filter drops (REMOVE): they write nothing.</summary>
    public int Filtered => Records.Count - Changes.Count;

    public IReadOnlySet<string> Written { get; } =
        Versions.Select(v => v.SequenceNumber).ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> Audited { get; } = Covered(Records.Where(KeptByFilter), AuditRows);

    public IReadOnlyList<string> Lost => [.. Changes.Where(s => !Written.Contains(s) && !Audited.Contains(s))];

    public IReadOnlyList<string> WrittenAndAudited =>
        [.. Changes.Where(s => Written.Contains(s) && Audited.Contains(s))];

    public int ChangesWritten => Changes.Count(Written.Contains);

    public int ChangesAudited => Changes.Count(Audited.Contains);

    public string Summary =>
        $"{Changes.Count} changes, {ChangesWritten} in S3, {ChangesAudited} audited, {Lost.Count} lost; " +
        $"{Filtered} record(s) dropped by the stream filter write nothing.";

    /// <summary>
    /// Objects whose latest version is older (a lower sequence number) than another version of the same object:
    /// a retried or late write overtook a newer change that had settled. One line per object.
    /// </summary>
    public IReadOnlyList<string> OutOfOrder =>
    [
        .. Versions.GroupBy(v => v.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Latest: g.Where(v => v.IsLatest).ToList(), Newest: g.MaxBy(v => Number(v))!))
            .Where(o => o.Latest.Count != 1 || Number(o.Latest[0]) < Number(o.Newest))
            .Select(o => $"{o.Key}: latest version is seq " +
                $"{(o.Latest.Count == 1 ? o.Latest[0].SequenceNumber : $"({o.Latest.Count} latest)")}, " +
                $"newest settled change is seq {o.Newest.SequenceNumber}"),
    ];

    private static BigInteger Number(ProcessedObjectVersion version) =>
        BigInteger.Parse(version.SequenceNumber, CultureInfo.InvariantCulture);

    /// <summary>
    /// Audit rows beyond the first for one DLQ message, one audit id, or one shard and sequence range: a
    /// redelivered or retried message stored twice. One line per extra row.
    /// </summary>
    public IReadOnlyList<string> DuplicateAuditRows
    {
        get
        {
            static IEnumerable<string> Extra(IEnumerable<string?> keys, string what) => keys
                .Where(k => k is not null)
                .GroupBy(k => k!, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => $"{g.Count()} rows for {what} {g.Key}");
            return
            [
                .. Extra(AuditRows.Select(r => r.GetValueOrDefault("dlqMessageId")?.S), "DLQ message"),
                .. Extra(AuditRows.Select(r => r.GetValueOrDefault("auditId")?.S), "audit id"),
                .. Extra(AuditRows.Select(r => r.GetValueOrDefault("startSequenceNumber")?.S is { } start
                    ? $"{r.GetValueOrDefault("shardId")?.S} {start}..{r.GetValueOrDefault("endSequenceNumber")?.S}"
                    : null), "range"),
            ];
        }
    }

    /// <summary>
    /// Object versions that are not exactly the document the processor's builder makes from the change they name
    /// (same key, same bytes, with the version's own <c>processedAt</c>), or that name no change of the stream.
    /// One line per version.
    /// </summary>
    public IReadOnlyList<string> ContentMismatches(ProcessedDocumentBuilder builder)
    {
        var kept = Records.Where(KeptByFilter).ToList();
        var changes = kept.Zip(StreamRecordEnvelope.Changes(kept))
            .ToDictionary(pair => pair.First.SequenceNumber, pair => pair.Second, StringComparer.Ordinal);
        var mismatches = new List<string>();
        foreach (var version in Versions)
        {
            if (!changes.TryGetValue(version.SequenceNumber, out var change))
            {
                mismatches.Add($"{version.Key} {version.VersionId}: seq {version.SequenceNumber} is no change");
                continue;
            }
            var processedAt = DateTimeOffset.Parse(
                version.Metadata.GetProperty("processedAt").GetString()!, CultureInfo.InvariantCulture);
            var expected = builder.Build(change, processedAt);
            if (expected.ObjectKey != version.Key)
            {
                mismatches.Add($"{version.Key} {version.VersionId}: expected key {expected.ObjectKey}");
            }
            else if (Encoding.UTF8.GetString(expected.Body) != version.Body.GetRawText())
            {
                mismatches.Add($"{version.Key} {version.VersionId}: content differs from the document of seq " +
                    version.SequenceNumber);
            }
        }
        return mismatches;
    }

    public static async Task<Reconciliation> ReadAsync(
        IAmazonS3 s3, IAmazonDynamoDB dynamoDb, PipelineResources resources,
        IReadOnlyList<StreamRecordEnvelope> records)
    {
        var versions = await ProcessedObjects.ReadAllVersionsAsync(s3, resources.Names.Bucket);
        var rows = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(
                new ScanRequest { TableName = resources.Names.AuditTable, ExclusiveStartKey = start });
            rows.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
        return new Reconciliation(records, versions, rows);
    }

    private static HashSet<string> Covered(
        IEnumerable<StreamRecordEnvelope> changes, IReadOnlyList<Dictionary<string, AttributeValue>> rows)
    {
        var ranges = rows
            .Select(r => (
                Shard: r.GetValueOrDefault("shardId")?.S,
                Start: r.GetValueOrDefault("startSequenceNumber")?.S,
                End: r.GetValueOrDefault("endSequenceNumber")?.S))
            .Where(r => r is { Shard: not null, Start: not null, End: not null })
            .Select(r => (r.Shard, Start: BigInteger.Parse(r.Start!), End: BigInteger.Parse(r.End!)))
            .ToList();
        return changes
            .Where(c => ranges.Any(r =>
                r.Shard == c.ShardId && BigInteger.Parse(c.SequenceNumber) is var s && s >= r.Start && s <= r.End))
            .Select(c => c.SequenceNumber)
            .ToHashSet(StringComparer.Ordinal);
    }
}
