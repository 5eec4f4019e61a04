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
        var listing = await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket });
        var versions = new List<ProcessedObjectVersion>();
        foreach (var version in listing.Versions ?? [])
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = version.Key, VersionId = version.VersionId });
            var body = (await JsonDocument.ParseAsync(response.ResponseStream)).RootElement.Clone();
            versions.Add(new ProcessedObjectVersion(version.Key, version.VersionId, version.Size, version.IsLatest == true, body));
        }
        return versions;
    }
}
