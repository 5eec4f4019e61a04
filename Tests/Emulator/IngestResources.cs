using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Emulator;

/// <summary>
/// The file door's resources on an emulator, named and keyed as Infra makes them (<see cref="ResourceNames"/>,
/// <see cref="PipelineDefaults"/>): the versioned drop bucket and the ingest-log table. The orders table comes from
/// <see cref="PipelineResources"/>.
/// </summary>
public sealed record IngestResources(string DropBucket, string IngestLogTable, string OrdersTable)
{
    public FileIngestSettings FileIngestSettings(int maxObjectMb = 100) => new()
    {
        OrdersTableName = OrdersTable,
        IngestLogTableName = IngestLogTable,
        MaxObjectMb = maxObjectMb,
    };

    public static async Task<IngestResources> CreateAsync(AwsEmulator emulator, PipelineResources pipeline)
    {
        var environment = pipeline.Names.OrdersTable.Split("-orders-table-")[0];
        var team = pipeline.Names.OrdersTable.Split("-orders-table-")[1];
        var names = new ResourceNames(environment, team);
        var resources = new IngestResources(names.DropBucket(PipelineNames.EmulatorAccountId), names.IngestLogTable,
            pipeline.Names.OrdersTable);

        using var dynamoDb = emulator.DynamoDb();
        using var s3 = emulator.S3();
        await dynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = resources.IngestLogTable,
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition(PipelineDefaults.IngestLogHashKey, Amazon.DynamoDBv2.ScalarAttributeType.S),
                new AttributeDefinition(PipelineDefaults.IngestLogRangeKey, Amazon.DynamoDBv2.ScalarAttributeType.S),
            ],
            KeySchema =
            [
                new KeySchemaElement(PipelineDefaults.IngestLogHashKey, Amazon.DynamoDBv2.KeyType.HASH),
                new KeySchemaElement(PipelineDefaults.IngestLogRangeKey, Amazon.DynamoDBv2.KeyType.RANGE),
            ],
        });
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = resources.DropBucket });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = resources.DropBucket,
            VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
        });
        return resources;
    }

    /// <summary>Puts an object under the drop prefix and returns the notification S3 would send for it.</summary>
    public async Task<ObjectNotification> DropAsync(IAmazonS3 s3, string name, string content, string contentType = "text/plain")
    {
        var key = PipelineDefaults.DropIncomingPrefix + name;
        var put = await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = DropBucket,
            Key = key,
            ContentBody = content,
            ContentType = contentType,
        });
        var size = (await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest
        {
            BucketName = DropBucket,
            Key = key,
            VersionId = put.VersionId,
        })).ContentLength;
        return S3Notification.ObjectCreated(DropBucket, key, size, put.ETag, put.VersionId, DateTimeOffset.UtcNow);
    }
}

/// <summary>The record of an S3 event notification (version 2.1) that invokes a function for a created object, as S3
/// sends it: the key URL-encoded (spaces as <c>+</c>), the ETag without quotes, the time to the millisecond.</summary>
public static class S3Notification
{
    public static ObjectNotification ObjectCreated(
        string bucket, string key, long size, string? eTag, string? versionId, DateTimeOffset at) =>
        new("ObjectCreated:Put",
            new DateTime(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            bucket,
            WebUtility.UrlEncode(key).Replace("%2F", "/", StringComparison.Ordinal),
            versionId,
            size,
            eTag?.Trim('"'));

    /// <summary>The object key a notification names, decoded as the file door decodes it.</summary>
    public static string KeyOf(ObjectNotification notification) =>
        DroppedObject.DecodeKey(notification.Key) ?? throw new ArgumentException("The notification names no key.", nameof(notification));
}
