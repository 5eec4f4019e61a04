using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Emulator;

/// <summary>Names of one pipeline's resources, as Infra names them (<see cref="ResourceNames"/>).</summary>
public sealed record PipelineNames(string OrdersTable, string Bucket, string AuditTable, string DeadLetterQueue)
{
    /// <summary>The account id moto_server answers with.</summary>
    public const string EmulatorAccountId = "123456789012";

    public static PipelineNames From(ResourceNames names, string accountId = EmulatorAccountId) =>
        new(names.OrdersTable, names.ProcessedBucket(accountId), names.AuditTable, names.DeadLetterQueue);

    /// <summary>Names unique to one run (a run id in the environment part), so runs on a shared endpoint never
    /// collide.</summary>
    public static PipelineNames Unique(string environment = "local", string team = "backend") =>
        From(new ResourceNames($"{environment}-{Guid.NewGuid().ToString("N")[..8]}", team));
}

/// <summary>
/// The resources the data path needs, created on an emulator with the keys, index and names of the production
/// definitions (<see cref="PipelineDefaults"/>), and the functions' settings as Infra sets them.
/// </summary>
public sealed record PipelineResources(PipelineNames Names, string StreamArn, string DeadLetterQueueUrl)
{
    /// <summary>The processor's settings as Infra configures them: the orders table's hash key and the fixed
    /// prefix.</summary>
    public ProcessorSettings ProcessorSettings => new()
    {
        BucketName = Names.Bucket,
        KeyAttribute = PipelineDefaults.OrdersTableHashKey,
        KeyPrefix = PipelineDefaults.ProcessedKeyPrefix,
    };

    public AuditSettings AuditSettings => new() { AuditTableName = Names.AuditTable };

    public static async Task<PipelineResources> CreateAsync(AwsEmulator emulator, PipelineNames names)
    {
        using var dynamoDb = emulator.DynamoDb();
        using var s3 = emulator.S3();

        var orders = await dynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = names.OrdersTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(PipelineDefaults.OrdersTableHashKey, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(PipelineDefaults.OrdersTableHashKey, KeyType.HASH)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });

        await dynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = names.AuditTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition(PipelineDefaults.AuditTableHashKey, ScalarAttributeType.S),
                new AttributeDefinition(PipelineDefaults.AuditTableRangeKey, ScalarAttributeType.S),
                new AttributeDefinition(PipelineDefaults.AuditFailureTypeAttribute, ScalarAttributeType.S),
            ],
            KeySchema =
            [
                new KeySchemaElement(PipelineDefaults.AuditTableHashKey, KeyType.HASH),
                new KeySchemaElement(PipelineDefaults.AuditTableRangeKey, KeyType.RANGE),
            ],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = PipelineDefaults.AuditFailureTypeIndex,
                    KeySchema =
                    [
                        new KeySchemaElement(PipelineDefaults.AuditFailureTypeAttribute, KeyType.HASH),
                        new KeySchemaElement(PipelineDefaults.AuditTableRangeKey, KeyType.RANGE),
                    ],
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

        var queue = await emulator.Sqs.CreateQueueAsync(names.DeadLetterQueue);
        return new PipelineResources(names, orders.TableDescription.LatestStreamArn, queue.QueueUrl);
    }
}
