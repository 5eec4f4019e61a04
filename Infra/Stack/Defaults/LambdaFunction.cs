using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Infra.Components;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What one function needs. <see cref="Policy"/> gets the function's own log group ARN and returns the
/// statements of the role's inline policy (least privilege: the resources this function touches, and its own log
/// streams); the builder adds the stack key statement when there is a key.</summary>
internal sealed record LambdaFunctionSpec
{
    public required string FunctionName { get; init; }
    public required string RoleName { get; init; }
    public required string PolicyName { get; init; }
    public required string Handler { get; init; }
    public required int MemoryMb { get; init; }
    public required int TimeoutSeconds { get; init; }
    public required Func<Output<string>, Output<IReadOnlyList<PolicyStatement>>> Policy { get; init; }
    public InputMap<string> Environment { get; init; } = [];
}

/// <summary>The one way a function is made here: an execution role only Lambda may assume, a log group with the
/// stack's retention, the inline policy, active tracing, then the function itself, created after all of them so its
/// first invocation can log and trace. With a stack key, the log group and the function's environment variables are
/// encrypted with it, and the role may decrypt and make data keys with it (everything the function reads or writes
/// is encrypted with that key). With the private network, the function runs in its subnets with its security group,
/// its role may manage the network interfaces Lambda makes for it, and it waits for the endpoints.</summary>
public sealed class LambdaFunction
{
    internal LambdaFunction(PipelineComponent owner, string name, LambdaFunctionSpec spec)
    {
        var context = owner.Context;

        LogGroup = new LogGroup($"{name}-logs",
            LogGroupDefaults.For(ResourceNames.LogGroupOf(spec.FunctionName), context.Config, context.KeyArn),
            owner.ChildOptions());

        // In the VPC, Lambda manages the function's network interfaces with this role.
        var network = context.Network;
        var role = new ServiceRole(owner, name, new ServiceRoleSpec
        {
            RoleName = spec.RoleName,
            PolicyName = spec.PolicyName,
            TrustPolicy = PolicyDocuments.LambdaTrustPolicy(),
            Statements = spec.Policy(LogGroup.Arn)
                .Apply(own => PolicyDocuments.WithNetworkInterfaces(own, inVpc: network is not null)),
            UsesStackKey = true,
        });
        Role = role.Role;
        Policy = role.Policy;

        // X-Ray has no resource-level permissions, so the AWS managed policy is attached instead of widening
        // the inline policy with a wildcard resource.
        var tracing = new RolePolicyAttachment($"{name}-tracing", new RolePolicyAttachmentArgs
        {
            Role = Role.Name,
            PolicyArn = PolicyDocuments.TracingManagedPolicyArn,
        }, owner.ChildOptions());

        var functionArgs = new FunctionArgs
        {
            Name = spec.FunctionName,
            Role = Role.Arn,
            Runtime = context.Config.Get(ConfigSchema.FunctionPackage).Traits().Runtime,
            // The same string for either package: the native bootstrap reads it from _HANDLER.
            Handler = spec.Handler,
            Code = context.Code,
            Architectures = { context.Config.Get(ConfigSchema.Architecture).ToAwsName() },
            MemorySize = spec.MemoryMb,
            Timeout = spec.TimeoutSeconds,
            TracingConfig = new FunctionTracingConfigArgs { Mode = FunctionDefaults.TracingMode },
            Environment = new FunctionEnvironmentArgs { Variables = WithMetrics(spec.Environment, context.Config) },
            KmsKeyArn = context.KeyArn.OrNone(),
        };
        if (network is not null)
        {
            functionArgs.VpcConfig = new FunctionVpcConfigArgs
            {
                SubnetIds = network.SubnetIds,
                SecurityGroupIds = { network.SecurityGroupId },
            };
        }

        Function = new Function($"{name}-function", functionArgs,
            owner.ChildOptions([Policy, LogGroup, tracing, .. network?.ReadyWhen ?? []]));
    }

    public Role Role { get; }

    public LogGroup LogGroup { get; }

    /// <summary>Resources that read from a source on the function's behalf (mappings) wait for this.</summary>
    public RolePolicy Policy { get; }

    public Function Function { get; }

    // Every function emits its own metrics; where they go is the stack's, not the function's, choice.
    private static InputMap<string> WithMetrics(InputMap<string> variables, StackConfig config)
    {
        var all = new InputMap<string>
        {
            { MetricsEnvironment.Namespace.Name, config.Get(ConfigSchema.MetricsNamespace) },
            { MetricsEnvironment.EnvironmentName.Name, config.Get(ConfigSchema.Environment) },
        };
        all.AddRange(variables);
        return all;
    }
}
