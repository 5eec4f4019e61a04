using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace OrdersPipeline.Emulator;

/// <summary>Names of one pipeline's resources, following <c>&lt;env&gt;-&lt;resource&gt;-&lt;team&gt;</c>.</summary>
public sealed record PipelineNames(string OrdersTable, string Bucket, string AuditTable, string DeadLetterQueue)
{
    /// <summary>Names unique to one run, so runs against a shared endpoint never collide.</summary>
    public static PipelineNames Unique(string environment = "local", string team = "backend")
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return new($"{environment}-orders-table-{run}-{team}", $"{environment}-processed-data-{run}-{team}",
            $"{environment}-audit-table-{run}-{team}", $"{environment}-orders-dlq-{run}-{team}");
    }
}

/// <summary>The resources the data path needs, as the Infra program shapes them, created on an emulator.</summary>
public sealed record PipelineResources(PipelineNames Names, string StreamArn, string DeadLetterQueueUrl)
{
    public const string FailureTypeIndex = "failure-type-index";

    public static async Task<PipelineResources> CreateAsync(AwsEmulator emulator, PipelineNames names)
    {
        using var dynamoDb = emulator.DynamoDb();
        using var s3 = emulator.S3();

        var orders = await dynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = names.OrdersTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("orderId", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("orderId", KeyType.HASH)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });

        await dynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = names.AuditTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition("auditId", ScalarAttributeType.S),
                new AttributeDefinition("timestamp", ScalarAttributeType.S),
                new AttributeDefinition("failureType", ScalarAttributeType.S),
            ],
            KeySchema = [new KeySchemaElement("auditId", KeyType.HASH), new KeySchemaElement("timestamp", KeyType.RANGE)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = FailureTypeIndex,
                    KeySchema = [new KeySchemaElement("failureType", KeyType.HASH), new KeySchemaElement("timestamp", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        });

        await s3.PutBucketAsync(new PutBucketRequest { BucketName = names.Bucket });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = names.Bucket,
            VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
        });

        var queueUrl = await emulator.Sqs.CreateQueueAsync(names.DeadLetterQueue);
        return new PipelineResources(names, orders.TableDescription.LatestStreamArn, queueUrl);
    }
}
