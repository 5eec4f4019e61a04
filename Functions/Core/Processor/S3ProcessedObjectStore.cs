using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace OrdersPipeline.Functions.Processor;

/// <summary>Stores documents as JSON objects in the processed bucket; bucket defaults handle encryption.</summary>
/// <remarks>Reads the body only while <see cref="PutAsync"/> runs and keeps no reference to the document, so the
/// batch loop may give a pooled body back once the write has completed.</remarks>
public sealed class S3ProcessedObjectStore(IAmazonS3 s3, string bucketName) : IProcessedObjectStore
{
    public async Task PutAsync(ProcessedDocument document, CancellationToken cancellationToken)
    {
        var content = MemoryMarshal.TryGetArray(document.Content, out var segment)
            ? segment
            : new ArraySegment<byte>(document.Body);
        using var body = new MemoryStream(content.Array!, content.Offset, content.Count, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = bucketName,
            Key = document.ObjectKey,
            InputStream = body,
            ContentType = "application/json",
            AutoCloseStream = false,
        };
        await s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
