using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Tests.Processor;

/// <summary>
/// An in-memory, versioned S3 bucket behind a mocked client that evaluates PutObject's conditions as S3 does:
/// <c>If-None-Match: *</c> fails with 412 when the key holds an object, <c>If-Match</c> fails with 412 on another
/// ETag and 404 when the key holds none. HEAD and GET answer the current version. Every call is recorded, and
/// <see cref="BeforePut"/> lets a test land another writer's object just before a put is evaluated.
/// </summary>
internal sealed class ConditionalBucket
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<StoredObject>> _versions = new(StringComparer.Ordinal);
    private readonly List<string> _calls = [];
    private int _etags;

    public ConditionalBucket()
    {
        Mock.Setup(s3 => s3.PutObjectAsync(It.IsAny<PutObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns((PutObjectRequest request, CancellationToken _) => Task.FromResult(Put(request)));
        Mock.Setup(s3 => s3.GetObjectMetadataAsync(It.IsAny<GetObjectMetadataRequest>(), It.IsAny<CancellationToken>()))
            .Returns((GetObjectMetadataRequest request, CancellationToken _) => Task.FromResult(Head(request.Key)));
        Mock.Setup(s3 => s3.GetObjectAsync(It.IsAny<GetObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns((GetObjectRequest request, CancellationToken _) => Task.FromResult(Get(request.Key)));
    }

    public sealed record StoredObject(string ETag, string? SequenceNumber, string Body);

    public Mock<IAmazonS3> Mock { get; } = new(MockBehavior.Strict);

    /// <summary>Runs before each put's condition is evaluated, with the put's key.</summary>
    public Action<string>? BeforePut { get; set; }

    /// <summary>Every call in order: <c>PUT key [If-None-Match|If-Match etag|-]</c>, <c>HEAD key</c>,
    /// <c>GET key</c>.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<StoredObject> Versions(string key)
    {
        lock (_gate)
        {
            return _versions.TryGetValue(key, out var versions) ? [.. versions] : [];
        }
    }

    public StoredObject? Current(string key) => Versions(key) is [.., var last] ? last : null;

    /// <summary>Another writer's object, stored unconditionally; null metadata leaves the sequence number out.</summary>
    public StoredObject Store(string key, string? sequenceNumber, string? body = null)
    {
        lock (_gate)
        {
            return Add(key, sequenceNumber, body ?? $"{{\"metadata\":{{\"sequenceNumber\":\"{sequenceNumber}\"}}}}");
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    private PutObjectResponse Put(PutObjectRequest request)
    {
        var body = new StreamReader(request.InputStream).ReadToEnd();
        var condition = request.IfNoneMatch is { } none ? $"If-None-Match {none}"
            : request.IfMatch is { } match ? $"If-Match {match}" : "-";
        lock (_gate)
        {
            _calls.Add($"PUT {request.Key} {condition}");
        }
        BeforePut?.Invoke(request.Key);
        lock (_gate)
        {
            var current = _versions.TryGetValue(request.Key, out var versions) ? versions[^1] : null;
            if (request.IfNoneMatch == "*" && current is not null)
            {
                throw Error(HttpStatusCode.PreconditionFailed, "PreconditionFailed");
            }
            if (request.IfMatch is { } etag)
            {
                if (current is null)
                {
                    throw Error(HttpStatusCode.NotFound, "NoSuchKey");
                }
                if (etag != current.ETag)
                {
                    throw Error(HttpStatusCode.PreconditionFailed, "PreconditionFailed");
                }
            }
            var stored = Add(request.Key, request.Metadata[S3ProcessedObjectStore.SequenceNumberMetadata], body);
            return new PutObjectResponse { ETag = stored.ETag };
        }
    }

    private GetObjectMetadataResponse Head(string key)
    {
        lock (_gate)
        {
            _calls.Add($"HEAD {key}");
        }
        var current = Current(key) ?? throw Error(HttpStatusCode.NotFound, "NotFound");
        var response = new GetObjectMetadataResponse { ETag = current.ETag };
        if (current.SequenceNumber is { } sequenceNumber)
        {
            response.Metadata.Add(S3ProcessedObjectStore.SequenceNumberMetadata, sequenceNumber);
        }
        return response;
    }

    private GetObjectResponse Get(string key)
    {
        lock (_gate)
        {
            _calls.Add($"GET {key}");
        }
        var current = Current(key) ?? throw Error(HttpStatusCode.NotFound, "NoSuchKey");
        return new GetObjectResponse
        {
            ETag = current.ETag,
            ResponseStream = new MemoryStream(Encoding.UTF8.GetBytes(current.Body)),
        };
    }

    private StoredObject Add(string key, string? sequenceNumber, string body)
    {
        if (!_versions.TryGetValue(key, out var versions))
        {
            _versions[key] = versions = [];
        }
        var stored = new StoredObject($"\"etag-{++_etags}\"", sequenceNumber, body);
        versions.Add(stored);
        return stored;
    }

    private static AmazonS3Exception Error(HttpStatusCode status, string code) =>
        new($"{code} (ConditionalBucket)", ErrorType.Sender, code, "request-id", status);
}
