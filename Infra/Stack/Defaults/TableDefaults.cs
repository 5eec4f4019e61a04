using Pulumi;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.DynamoDB.Inputs;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What a DynamoDB table looks like here: on-demand billing, point-in-time recovery, encryption at rest,
/// and deletion protection with Pulumi protection when the stack is protected. Callers add keys and indexes.
/// Encryption uses the AWS-managed DynamoDB key, or the stack key when there is one: <paramref name="keyArn"/> is
/// required (null only with <c>encryption: aws-managed</c>), so no table is made without deciding it.</summary>
internal static class TableDefaults
{
    public const string BillingMode = "PAY_PER_REQUEST";
    public const string StringType = "S";

    public static TableArgs Secure(string tableName, bool protect, Output<string>? keyArn) => new()
    {
        Name = tableName,
        BillingMode = BillingMode,
        PointInTimeRecovery = new TablePointInTimeRecoveryArgs { Enabled = true },
        ServerSideEncryption = new TableServerSideEncryptionArgs { Enabled = true, KmsKeyArn = keyArn.OrNone() },
        DeletionProtectionEnabled = protect,
    };

    public static TableAttributeArgs StringAttribute(string name) => new() { Name = name, Type = StringType };
}
