using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace OrdersPipeline.Emulator;

/// <summary>One stored version of a processed document, with its parsed body.</summary>
public sealed record ProcessedObjectVersion(string Key, string VersionId, long? Size, bool IsLatest, JsonElement Body)
{
    public JsonElement Metadata => Body.GetProperty("metadata");

    public string SequenceNumber => Metadata.GetProperty("sequenceNumber").GetString()!;
}

/// <summary>Reads back what the processor wrote: every version of every object in the bucket.</summary>
public static class ProcessedObjects
{
    public static async Task<IReadOnlyList<ProcessedObjectVersion>> ReadAllVersionsAsync(IAmazonS3 s3, string bucket)
    {
        // A listing holds at most 1,000 versions: follow the markers to the end.
        var listed = new List<S3ObjectVersion>();
        var request = new ListVersionsRequest { BucketName = bucket };
        while (true)
        {
            var listing = await s3.ListVersionsAsync(request);
            listed.AddRange(listing.Versions ?? []);
            if (listing.IsTruncated != true)
            {
                break;
            }
            request = new ListVersionsRequest
            {
                BucketName = bucket, KeyMarker = listing.NextKeyMarker, VersionIdMarker = listing.NextVersionIdMarker,
            };
        }

        var versions = new ProcessedObjectVersion[listed.Count];
        await Parallel.ForAsync(0, listed.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            var version = listed[i];
            using var response = await s3.GetObjectAsync(
                new GetObjectRequest { BucketName = bucket, Key = version.Key, VersionId = version.VersionId }, token);
            using var document = await JsonDocument.ParseAsync(response.ResponseStream, cancellationToken: token);
            versions[i] = new ProcessedObjectVersion(
                version.Key, version.VersionId, version.Size, version.IsLatest == true, document.RootElement.Clone());
        });
        return versions;
    }
}
