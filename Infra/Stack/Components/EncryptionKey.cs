using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Kms = Pulumi.Aws.Kms;

namespace OrdersPipeline.Infra.Components;

/// <summary>The stack's customer-managed key (<c>encryption: customer-key</c> without <c>kmsKeyArn</c>): symmetric,
/// rotated yearly by KMS, with the configured deletion window, its alias, and the least-privilege key policy of
/// <see cref="KeyPolicy"/>. The key is Pulumi-protected with <c>protect</c>: losing it loses the data.</summary>
public sealed class EncryptionKey : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:protection:EncryptionKey";
    public const string KeySpec = "SYMMETRIC_DEFAULT";
    public const string KeyUsage = "ENCRYPT_DECRYPT";

    /// <param name="scope">Partition, region and account, from which the key policy names this stack's resources.</param>
    public EncryptionKey(
        string name, StackContext context, Output<AwsScope> scope, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var config = context.Config;
        Key = new Kms.Key($"{name}-key", new Kms.KeyArgs
        {
            Description = $"orders-pipeline {config.Get(ConfigSchema.Environment)}/{config.Get(ConfigSchema.Team)}: "
                          + "tables, buckets, queues, topic, log groups, function environments",
            CustomerMasterKeySpec = KeySpec,
            KeyUsage = KeyUsage,
            EnableKeyRotation = true,
            DeletionWindowInDays = config.Get(ConfigSchema.KeyDeletionWindowDays),
            Policy = scope.Apply(stackScope => KeyPolicy.For(KeyPolicyInputs.For(config, stackScope))),
        }, ChildOptions(protect: config.Get(ConfigSchema.Protect)));

        Alias = new Kms.Alias($"{name}-alias", new Kms.AliasArgs
        {
            Name = context.Names.KeyAlias,
            TargetKeyId = Key.KeyId,
        }, ChildOptions());

        RegisterOutputs();
    }

    public Kms.Key Key { get; }

    public Kms.Alias Alias { get; }

    /// <summary>The key every resource is encrypted with: the imported <c>kmsKeyArn</c>, this component's key, or
    /// none (<c>aws-managed</c>).</summary>
    public static Output<string>? ArnFor(StackConfig config, EncryptionKey? created) =>
        config.Get(ConfigSchema.KmsKeyArn) is { } imported ? Output.Create(imported) : created?.Key.Arn;

    /// <summary>The stack creates a key only for <c>customer-key</c> without an imported one.</summary>
    public static bool IsCreated(StackConfig config) => config.Parts.CreatesKey;
}
