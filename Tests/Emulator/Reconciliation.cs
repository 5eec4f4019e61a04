using System.Numerics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Emulator;

/// <summary>
/// Where every change went after a run: each stream record the mapping's filter keeps (INSERT, MODIFY) must be in
/// the bucket (an object version carrying its sequence number) or audited (an audit row whose shard and sequence
/// range cover it). The demo prints it; the end-to-end tests assert on it.
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
