using System.Collections.Immutable;
using OrdersPipeline.Infra.Definitions;
using Pulumi;

namespace OrdersPipeline.Infra.Components;

/// <summary>What every component reads: the validated config (names included), the explicit AWS provider that
/// carries the default tags, and the Functions deployment package; and, once the protection components exist, the
/// stack key and the access-log bucket, which the Defaults apply to every resource they make; and, with
/// <c>vpc: true</c>, the private network every function runs in.</summary>
public sealed record StackContext(StackConfig Config, ProviderResource Provider, Archive Code)
{
    public ResourceNames Names { get; } = Config.Names;

    /// <summary>The customer-managed key everything is encrypted with; null with <c>encryption: aws-managed</c>.</summary>
    public Output<string>? KeyArn { get; init; }

    /// <summary>The bucket every other bucket sends its S3 server access logs to.</summary>
    public Output<string>? AccessLogBucket { get; init; }

    /// <summary>Where every function runs; null with <c>vpc: false</c> (outside any VPC of the account).</summary>
    public FunctionNetwork? Network { get; init; }
}

/// <summary>The private subnets and the security group of every function (<see cref="PrivateNetwork"/>), and the
/// resources a function waits for so its first invocation can reach AWS (endpoints, security-group rules).</summary>
public sealed record FunctionNetwork(
    Output<ImmutableArray<string>> SubnetIds,
    Output<string> SecurityGroupId,
    IReadOnlyList<Resource> ReadyWhen);
