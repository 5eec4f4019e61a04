using OrdersPipeline.Infra.Components;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.Iam;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What one service role needs: its names, the trust policy (who may assume it), the statements of its
/// inline policy, and whether the role itself uses the stack key (a function does; a service that reaches the key
/// through the key policy, such as CloudTrail or flow-log delivery, does not).</summary>
internal sealed record ServiceRoleSpec
{
    public required string RoleName { get; init; }
    public required string PolicyName { get; init; }
    public required Input<string> TrustPolicy { get; init; }
    public required Output<IReadOnlyList<PolicyStatement>> Statements { get; init; }
    public bool UsesStackKey { get; init; }
}

/// <summary>The one way a role is made here: the role with its trust policy, then its least-privilege inline policy,
/// plus the <c>UseStackKey</c> statement when the role uses the stack key and there is one. Logical names are
/// <c>&lt;prefix&gt;-role</c> and <c>&lt;prefix&gt;-policy</c>.</summary>
internal sealed class ServiceRole
{
    public ServiceRole(PipelineComponent owner, string prefix, ServiceRoleSpec spec)
    {
        Role = new Role($"{prefix}-role", new RoleArgs
        {
            Name = spec.RoleName,
            AssumeRolePolicy = spec.TrustPolicy,
        }, owner.ChildOptions());

        Policy = new RolePolicy($"{prefix}-policy", new RolePolicyArgs
        {
            Name = spec.PolicyName,
            Role = Role.Name,
            Policy = spec.UsesStackKey && owner.Context.KeyArn is { } keyArn
                ? Output.Tuple(spec.Statements, keyArn).Apply(pair =>
                    PolicyDocuments.RolePolicy(PolicyDocuments.WithStackKey(pair.Item1, pair.Item2)))
                : spec.Statements.Apply(PolicyDocuments.RolePolicy),
        }, owner.ChildOptions());
    }

    public Role Role { get; }

    public RolePolicy Policy { get; }
}
