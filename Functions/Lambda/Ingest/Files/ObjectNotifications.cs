using Amazon.Lambda.S3Events;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>An S3 event's records as the core's <see cref="ObjectNotification"/>s, the key still URL-encoded as S3
/// sent it (the core decodes it). A missing event or records list stays null, and a null record stays null, so the
/// core names what is wrong; a record without its <c>s3</c> section names no bucket and no key.</summary>
internal static class ObjectNotifications
{
    public static IReadOnlyList<ObjectNotification>? From(S3Event? s3Event) =>
        s3Event?.Records?.Select(record => record is null ? null! : From(record)).ToList();

    public static ObjectNotification From(S3Event.S3EventNotificationRecord record) => new(
        record.EventName,
        record.EventTime,
        record.S3?.Bucket?.Name,
        record.S3?.Object?.Key,
        record.S3?.Object?.VersionId,
        record.S3?.Object?.Size ?? 0,
        record.S3?.Object?.ETag);
}
