namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// One record of an S3 event notification as S3 sends it: the event name and time, the bucket, the object key
/// URL-encoded as in the notification (the core decodes it), the version id (null or empty for an unversioned object),
/// size and ETag. <see cref="DroppedObject"/> is what the door makes of it.
/// </summary>
public sealed record ObjectNotification(
    string? EventName,
    DateTime EventTime,
    string? Bucket,
    string? Key,
    string? VersionId,
    long Size,
    string? ETag);
