namespace OrdersPipeline.Infra.Definitions;

/// <summary>The stack outputs of the optional parts, and the one convention for a part that is off: every output
/// exists in every stack, and one of a part that is off is an empty string (a list output: an empty list), never
/// null. A script tests a part with <c>[ -z "$(pulumi stack output dropBucketName)" ]</c> the same way for every
/// output, and <c>pulumi stack output --json</c> has the same keys whatever is on.</summary>
public static class StackOutputs
{
    /// <summary>The value of a string output whose part is off.</summary>
    public const string Off = "";

    /// <summary>Each optional output with the part it belongs to (list outputs: <c>functionSubnetIds</c>,
    /// <c>configRuleNames</c>).</summary>
    public static IReadOnlyList<(string Name, Func<StackParts, bool> IsOn)> Optional { get; } =
    [
        ("ordersApiUrl", parts => parts.HttpIngest),
        ("ordersApiKeyId", parts => parts.HttpIngest),
        ("ordersApiKeySecretArn", parts => parts.HttpIngest),
        ("dropBucketName", parts => parts.FileIngest),
        ("ingestLogTableName", parts => parts.FileIngest),
        ("kmsKeyArn", parts => parts.CustomerKey),
        ("kmsKeyAlias", parts => parts.CreatesKey),
        ("auditTrailArn", parts => parts.AuditTrail),
        ("auditTrailBucketName", parts => parts.AuditTrail),
        ("auditTrailLogGroupName", parts => parts.AuditTrail),
        ("cdnDomainName", parts => parts.Cdn),
        ("webAclArn", parts => parts.Waf),
        ("vpcId", parts => parts.Vpc),
        ("functionSubnetIds", parts => parts.Vpc),
        ("functionSecurityGroupId", parts => parts.Vpc),
        ("vpcFlowLogGroupName", parts => parts.CreatesVpc),
        ("guardDutyDetectorId", parts => parts.GuardDuty),
        ("guardDutyFindingsRuleArn", parts => parts.GuardDuty),
        ("remediationFunctionName", parts => parts.GuardDuty),
        ("configRuleNames", parts => parts.ConfigRules),
    ];

    /// <summary>The outputs that are empty for a stack with these parts.</summary>
    public static IReadOnlyList<string> OffFor(StackParts parts) =>
        Optional.Where(output => !output.IsOn(parts)).Select(output => output.Name).ToArray();
}
