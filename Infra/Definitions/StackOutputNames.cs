namespace OrdersPipeline.Infra.Definitions;

/// <summary>Names of the stack outputs, for the Deployer and integration tests.</summary>
public static class StackOutputNames
{
    public const string Environment = "environment";
    public const string Region = "region";
    public const string OrdersTableName = "ordersTableName";
    public const string OrdersTableArn = "ordersTableArn";
    public const string OrdersTableStreamArn = "ordersTableStreamArn";
    public const string ProcessedBucketName = "processedBucketName";
    public const string ProcessedBucketArn = "processedBucketArn";
    public const string ProcessorFunctionName = "processorFunctionName";
    public const string ProcessorFunctionArn = "processorFunctionArn";
    public const string ProcessorRoleArn = "processorRoleArn";
    public const string ProcessorLogGroupName = "processorLogGroupName";
    public const string StreamMappingId = "streamMappingId";
    public const string DeadLetterQueueName = "deadLetterQueueName";
    public const string DeadLetterQueueUrl = "deadLetterQueueUrl";
    public const string DeadLetterQueueArn = "deadLetterQueueArn";
    public const string RedriveQueueName = "redriveQueueName";
    public const string RedriveQueueUrl = "redriveQueueUrl";
    public const string RedriveQueueArn = "redriveQueueArn";
    public const string AuditTableName = "auditTableName";
    public const string AuditTableArn = "auditTableArn";
    public const string AuditFunctionName = "auditFunctionName";
    public const string AuditFunctionArn = "auditFunctionArn";
    public const string AuditRoleArn = "auditRoleArn";
    public const string AuditLogGroupName = "auditLogGroupName";
    public const string AlertTopicArn = "alertTopicArn";
    public const string AlarmNames = "alarmNames";

    public static IReadOnlyList<string> All { get; } =
    [
        Environment, Region, OrdersTableName, OrdersTableArn, OrdersTableStreamArn, ProcessedBucketName,
        ProcessedBucketArn, ProcessorFunctionName, ProcessorFunctionArn, ProcessorRoleArn, ProcessorLogGroupName,
        StreamMappingId, DeadLetterQueueName, DeadLetterQueueUrl, DeadLetterQueueArn, RedriveQueueName,
        RedriveQueueUrl, RedriveQueueArn, AuditTableName, AuditTableArn, AuditFunctionName, AuditFunctionArn,
        AuditRoleArn, AuditLogGroupName, AlertTopicArn, AlarmNames,
    ];
}
