namespace OrdersPipeline.Infra.Definitions;

/// <summary>Which key encrypts the stack's data at rest.</summary>
public enum EncryptionMode
{
    /// <summary>AWS-owned or AWS-managed keys: no key to pay for or administer, no key policy of our own.</summary>
    AwsManaged,

    /// <summary>One customer-managed KMS key per stack (or an imported one, <c>kmsKeyArn</c>).</summary>
    CustomerKey,
}

public static class EncryptionModeNames
{
    public const string AwsManaged = "aws-managed";
    public const string CustomerKey = "customer-key";

    public static IReadOnlyDictionary<string, EncryptionMode> ByName { get; } =
        new Dictionary<string, EncryptionMode>(StringComparer.Ordinal)
        {
            [AwsManaged] = EncryptionMode.AwsManaged,
            [CustomerKey] = EncryptionMode.CustomerKey,
        };
}
