using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Stores documents as JSON objects in the processed bucket; bucket defaults handle encryption. Every object carries
/// its change's sequence number in <see cref="SequenceNumberMetadata"/>.
/// </summary>
/// <remarks>
/// <para>With conditional writes (the default), every PutObject carries a condition, so a write that lands late can
/// never replace a newer change (docs/contracts.md, "Conditional writes"): <c>If-Match</c> on the ETag this
/// environment last saw for the key (<see cref="StoredVersionCache"/>), else <c>If-None-Match: *</c>. When the
/// condition fails (412), the store reads the key's current version (HEAD): if it holds the same change or a newer
/// one, nothing is written; if it is older, the store writes again with <c>If-Match</c> on its ETag. At most
/// <see cref="MaxConditionalAttempts"/> puts per record, each started only within the time budget; then the record
/// fails and is retried. A key whose known version is already this change or newer costs no request at all.</para>
/// <para>Without them, one unconditional PutObject per record (the behaviour before issue 21).</para>
/// <para>Reads the body only while <see cref="PutAsync"/> runs and keeps no reference to the document, so the batch
/// loop may give a pooled body back once the write has completed.</para>
/// </remarks>
public sealed class S3ProcessedObjectStore : IProcessedObjectStore
{
    /// <summary>The user metadata that carries the change's sequence number (<c>x-amz-meta-sequence-number</c>).</summary>
    public const string SequenceNumberMetadata = "x-amz-meta-sequence-number";

    /// <summary>Puts per record, the first included: a condition may fail twice (two other writers in between, or a
    /// key deleted and recreated) before the record is reported.</summary>
    public const int MaxConditionalAttempts = 3;

    /// <summary>Keys whose stored version an environment remembers: ~300 bytes each, so about 3 MB.</summary>
    public const int DefaultCacheCapacity = 10_000;

    private readonly IAmazonS3 _s3;
    private readonly string _bucketName;
    private readonly bool _conditionalWrites;

    /// <summary>With conditional writes and a cache of <see cref="DefaultCacheCapacity"/> keys.</summary>
    public S3ProcessedObjectStore(IAmazonS3 s3, string bucketName)
        : this(s3, bucketName, conditionalWrites: true, DefaultCacheCapacity)
    {
    }

    public S3ProcessedObjectStore(IAmazonS3 s3, string bucketName, bool conditionalWrites, int cacheCapacity)
    {
        _s3 = s3;
        _bucketName = bucketName;
        _conditionalWrites = conditionalWrites;
        Versions = new StoredVersionCache(cacheCapacity);
    }

    /// <summary>The stored versions this store knows, across invocations.</summary>
    public StoredVersionCache Versions { get; }

    public async Task<PutResult> PutAsync(ProcessedDocument document, ChangeRecord change, TimeBudget budget)
    {
        var sequenceNumber = change.SequenceNumber ??
            throw new RecordException("dynamodb.SequenceNumber is missing.");
        if (!_conditionalWrites)
        {
            await PutObjectAsync(document, sequenceNumber, ifMatch: null, ifNoneMatch: false, budget.Token)
                .ConfigureAwait(false);
            return PutResult.Stored;
        }

        var key = document.ObjectKey;
        var known = Versions.Get(key);
        if (known is not null && SequenceNumbers.Compare(known.SequenceNumber, sequenceNumber) >= 0)
        {
            // Every write of this store is conditional, so a key's stored change only ever gets newer: what this
            // environment saw there is at least as new now.
            return PutResult.AlreadyStored(known.SequenceNumber, conditionFailures: 0);
        }

        var ifMatch = known?.ETag;
        var failures = 0;
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                EnsureTime(budget);
            }
            try
            {
                var etag = await PutObjectAsync(document, sequenceNumber, ifMatch, ifNoneMatch: ifMatch is null,
                    budget.Token).ConfigureAwait(false);
                Remember(key, etag, sequenceNumber);
                return new PutResult(Written: true, ConditionFailures: failures);
            }
            catch (AmazonS3Exception error) when (ConditionFailed(error, ifMatch) is { } failure)
            {
                failures++;
                if (attempt == MaxConditionalAttempts)
                {
                    throw new ConditionalWriteException(
                        $"the key changed under {MaxConditionalAttempts} conditional writes in a row (last: {failure}).");
                }
                switch (failure)
                {
                    case Failure.Conflict:
                        // A concurrent conditional write was in progress: try the same condition again.
                        continue;
                    case Failure.Gone:
                        // If-Match on a key that holds no object any more: create it.
                        Versions.Forget(key);
                        ifMatch = null;
                        continue;
                }

                EnsureTime(budget);
                var stored = await ReadStoredAsync(key, budget.Token).ConfigureAwait(false);
                if (stored is null)
                {
                    Versions.Forget(key);
                    ifMatch = null;
                    continue;
                }
                if (SequenceNumbers.IsWellFormed(stored.SequenceNumber))
                {
                    Versions.Set(key, stored);
                    if (SequenceNumbers.Compare(stored.SequenceNumber, sequenceNumber) >= 0)
                    {
                        return PutResult.AlreadyStored(stored.SequenceNumber, failures);
                    }
                }
                // Older, or not a document with a readable sequence number: replace exactly that version.
                ifMatch = stored.ETag;
            }
        }
    }

    private enum Failure
    {
        /// <summary>412: the object is not the one the condition expected.</summary>
        PreconditionFailed,

        /// <summary>409 ConditionalRequestConflict: another conditional write to the key was in progress.</summary>
        Conflict,

        /// <summary>404 on If-Match: the key holds no object.</summary>
        Gone,
    }

    private static Failure? ConditionFailed(AmazonS3Exception error, string? ifMatch) => error switch
    {
        { StatusCode: HttpStatusCode.PreconditionFailed } => Failure.PreconditionFailed,
        { StatusCode: HttpStatusCode.Conflict, ErrorCode: "ConditionalRequestConflict" } => Failure.Conflict,
        { StatusCode: HttpStatusCode.NotFound } when ifMatch is not null => Failure.Gone,
        _ => null,
    };

    private static void EnsureTime(TimeBudget budget)
    {
        if (!budget.CanStartWrite)
        {
            throw new ConditionalWriteException(
                "a conditional write failed and the time budget leaves no room for another call.");
        }
    }

    private void Remember(string key, string? etag, string sequenceNumber)
    {
        if (string.IsNullOrEmpty(etag))
        {
            Versions.Forget(key);
        }
        else
        {
            Versions.Set(key, new StoredVersion(etag, sequenceNumber));
        }
    }

    private async Task<string?> PutObjectAsync(
        ProcessedDocument document, string sequenceNumber, string? ifMatch, bool ifNoneMatch,
        CancellationToken cancellationToken)
    {
        var content = MemoryMarshal.TryGetArray(document.Content, out var segment)
            ? segment
            : new ArraySegment<byte>(document.Body);
        using var body = new MemoryStream(content.Array!, content.Offset, content.Count, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = _bucketName,
            Key = document.ObjectKey,
            InputStream = body,
            ContentType = "application/json",
            AutoCloseStream = false,
            IfMatch = ifMatch,
            IfNoneMatch = ifNoneMatch ? "*" : null,
        };
        request.Metadata.Add(SequenceNumberMetadata, sequenceNumber);
        var response = await _s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return response?.ETag;
    }

    /// <summary>The key's current version (HEAD), or null when it holds none. An object without the metadata
    /// (written before it existed) is read whole for its <c>metadata.sequenceNumber</c>.</summary>
    private async Task<StoredVersion?> ReadStoredAsync(string key, CancellationToken cancellationToken)
    {
        GetObjectMetadataResponse head;
        try
        {
            head = await _s3.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = _bucketName, Key = key }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        var sequenceNumber = head.Metadata?[SequenceNumberMetadata];
        if (!string.IsNullOrEmpty(sequenceNumber))
        {
            return new StoredVersion(head.ETag, sequenceNumber);
        }

        try
        {
            using var response = await _s3.GetObjectAsync(
                new GetObjectRequest { BucketName = _bucketName, Key = key }, cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(response.ResponseStream, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var stored = json.RootElement.TryGetProperty("metadata", out var metadata) &&
                metadata.ValueKind == JsonValueKind.Object &&
                metadata.TryGetProperty("sequenceNumber", out var number) && number.ValueKind == JsonValueKind.String
                    ? number.GetString()!
                    : "";
            return new StoredVersion(response.ETag, stored);
        }
        catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (JsonException)
        {
            // Not a document of this processor: it has no sequence number and counts as older.
            return new StoredVersion(head.ETag, "");
        }
    }
}
