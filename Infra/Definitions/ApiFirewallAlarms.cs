namespace OrdersPipeline.Infra.Definitions;

/// <summary>The web ACL's alarm (only when <c>waf</c> is on): requests it blocked, all rules together, over 5
/// minutes. A burst of blocks is an attack, a misbehaving client, or a rule that refuses real orders; the logs tell
/// which (docs/edge-and-network.md).</summary>
public static class ApiFirewallAlarms
{
    public const string WafNamespace = "AWS/WAFV2";
    public const string BlockedRequests = "BlockedRequests";
    public const string WebAclDimension = "WebACL";
    public const string RuleDimension = "Rule";
    public const string RegionDimension = "Region";

    /// <summary>The Rule dimension's value for the whole web ACL (every rule and the default action).</summary>
    public const string AllRules = "ALL";

    public static IReadOnlyList<AlarmDefinition> For(StackConfig config) =>
        config.Parts.Waf
            ?
            [
                new(config.Names.WafBlockedAlarm, "WAF blocked many requests to the orders API.", WafNamespace,
                    BlockedRequests, AlarmDefinitions.Sum, PipelineDefaults.AlarmPeriodSeconds,
                    PipelineDefaults.AlarmEvaluationPeriods, config.Get(ConfigSchema.WafBlockedAlarmThreshold),
                    AlarmDefinitions.GreaterThanOrEqualToThreshold, AlarmDefinitions.NotBreaching, WebAclDimension,
                    AlarmTarget.WebAcl)
                {
                    FixedDimensions = new Dictionary<string, string> { [RuleDimension] = AllRules },
                    RegionDimension = RegionDimension,
                },
            ]
            : [];
}
