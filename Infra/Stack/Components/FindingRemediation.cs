using OrdersPipeline.Functions;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.S3;

namespace OrdersPipeline.Infra.Components;

/// <summary>What the remediation function may act on and report to.</summary>
/// <param name="AlertTopicArn">Built from the topic's name: the function exists before the monitoring component,
/// whose alarms watch it.</param>
/// <param name="OtherRoleNames">The roles of every other function of the stack.</param>
public sealed record FindingRemediationArgs(
    Bucket ProcessedBucket, Table AuditTable, Output<string> AlertTopicArn, IReadOnlyList<Output<string>> OtherRoleNames);

/// <summary>The GuardDuty remediation function (<c>guardDuty: true</c>; see <see cref="LambdaFunction"/>): for a
/// finding on this stack's processed bucket it turns the bucket's public access block back on, for an access-key
/// finding on one of the stack's function roles it records the finding in the audit table. Its report reaches the
/// alert topic through its asynchronous-invocation destinations (<see cref="ThreatDetection"/>).</summary>
public sealed class FindingRemediation : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:threat:FindingRemediation";

    public FindingRemediation(
        string name, StackContext context, FindingRemediationArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var names = context.Names;
        var ownRole = names.RemediationRole;
        var roleNames = Output.All(args.OtherRoleNames)
            .Apply(others => string.Join(",", others.Append(ownRole)));

        Function = new LambdaFunction(this, name, new LambdaFunctionSpec
        {
            FunctionName = names.RemediationFunction,
            RoleName = ownRole,
            PolicyName = names.RemediationPolicy,
            Handler = Handlers.Remediation,
            MemoryMb = PipelineDefaults.RemediationMemoryMb,
            TimeoutSeconds = PipelineDefaults.RemediationTimeoutSeconds,
            Policy = logGroupArn => Output.All(args.ProcessedBucket.Arn, args.AuditTable.Arn, args.AlertTopicArn, logGroupArn)
                .Apply(arns => PolicyDocuments.RemediationStatements(arns[0], arns[1], arns[2], arns[3])),
            Environment =
            {
                { RemediationEnvironment.ProcessedBucketName.Name, args.ProcessedBucket.BucketName },
                { RemediationEnvironment.RoleNames.Name, roleNames },
                { RemediationEnvironment.AuditTableName.Name, args.AuditTable.Name },
            },
        });

        RegisterOutputs();
    }

    public LambdaFunction Function { get; }
}
