using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Iam;

namespace OrdersPipeline.Infra.Components;

/// <summary>What a function needs before its first invocation: an execution role trusted by Lambda, a log group
/// with retention, and (attached by the owner, which knows the ARNs) the role's inline policy.</summary>
internal sealed class LambdaExecution
{
    public LambdaExecution(PipelineComponent owner, string name, string roleName, string logGroupName, int retentionDays)
    {
        _owner = owner;
        _name = name;

        Role = new Role($"{name}-role", new RoleArgs
        {
            Name = roleName,
            AssumeRolePolicy = PolicyDocuments.LambdaTrustPolicy(),
        }, owner.ChildOptions());

        LogGroup = new LogGroup($"{name}-logs", new LogGroupArgs
        {
            Name = logGroupName,
            RetentionInDays = retentionDays,
        }, owner.ChildOptions());
    }

    private readonly PipelineComponent _owner;
    private readonly string _name;

    public Role Role { get; }

    public LogGroup LogGroup { get; }

    public RolePolicy AttachInlinePolicy(string policyName, Output<string> policyDocument) =>
        new($"{_name}-policy", new RolePolicyArgs
        {
            Name = policyName,
            Role = Role.Name,
            Policy = policyDocument,
        }, _owner.ChildOptions());
}
