using Amazon.S3;
using Amazon.S3.Model;

namespace OrdersPipeline.Functions.Processor;

/// <summary>Stores documents as JSON objects in the processed bucket; bucket defaults handle encryption.</summary>
public sealed class S3ProcessedObjectStore(IAmazonS3 s3, string bucketName) : IProcessedObjectStore
{
    public async Task PutAsync(ProcessedDocument document, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(document.Body, writable: false);
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
