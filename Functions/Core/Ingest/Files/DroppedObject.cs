using System.Net;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>One object an S3 notification names: the key decoded, and the version the event is about (S3's
/// literal <c>null</c> for an unversioned object, as S3 itself reports it).</summary>
public sealed record DroppedObject(string Bucket, string Key, string VersionId, long Size, string? ETag,
    DateTimeOffset UploadedAt, string EventName)
{
    public const string NoVersion = "null";

    public string Uri => VersionId == NoVersion ? $"s3://{Bucket}/{Key}" : $"s3://{Bucket}/{Key}?versionId={VersionId}";

    /// <summary>The object of one notification record, or a clear error when it names no bucket or no key.</summary>
    public static DroppedObject From(ObjectNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var key = DecodeKey(notification.Key);
        if (string.IsNullOrEmpty(notification.Bucket) || string.IsNullOrEmpty(key))
        {
            throw new Contracts.InvalidEventException("An S3 event record names no bucket or no object key.");
        }

        return new DroppedObject(notification.Bucket, key,
            string.IsNullOrEmpty(notification.VersionId) ? NoVersion : notification.VersionId,
            notification.Size, notification.ETag,
            new DateTimeOffset(DateTime.SpecifyKind(notification.EventTime, DateTimeKind.Utc)),
            notification.EventName ?? string.Empty);
    }

    /// <summary>
    /// The object key as stored: S3 sends it form-URL-encoded (<c>+</c> for a space, <c>%XX</c> for the UTF-8 bytes
    /// of anything else), as the Lambda package's <c>S3ObjectEntity.KeyDecoded</c> decodes it. Null stays null.
    /// </summary>
    public static string? DecodeKey(string? encodedKey) => encodedKey is null ? null : WebUtility.UrlDecode(encodedKey);
}
