using Amazon.Lambda.S3Events;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>One object an S3 notification names: the key decoded, and the version the event is about (S3's
/// literal <c>null</c> for an unversioned object, as S3 itself reports it).</summary>
public sealed record DroppedObject(string Bucket, string Key, string VersionId, long Size, string? ETag,
    DateTimeOffset UploadedAt, string EventName)
{
    public const string NoVersion = "null";

    public string Uri => VersionId == NoVersion ? $"s3://{Bucket}/{Key}" : $"s3://{Bucket}/{Key}?versionId={VersionId}";

    public static DroppedObject From(S3Event.S3EventNotificationRecord record)
    {
        var entity = record.S3 ?? throw new Contracts.InvalidEventException("An S3 event record has no 's3' section.");
        var key = entity.Object?.KeyDecoded;
        if (string.IsNullOrEmpty(entity.Bucket?.Name) || string.IsNullOrEmpty(key))
        {
            throw new Contracts.InvalidEventException("An S3 event record names no bucket or no object key.");
        }

        return new DroppedObject(entity.Bucket.Name, key,
            string.IsNullOrEmpty(entity.Object!.VersionId) ? NoVersion : entity.Object.VersionId,
            entity.Object.Size, entity.Object.ETag,
            new DateTimeOffset(DateTime.SpecifyKind(record.EventTime, DateTimeKind.Utc)), record.EventName ?? string.Empty);
    }
}
