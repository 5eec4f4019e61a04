namespace OrdersPipeline.Infra.Definitions;

/// <summary>What a rule of the API's web ACL does.</summary>
public enum FirewallRuleKind
{
    /// <summary>Blocks an IP address that sends more than the limit in the evaluation window.</summary>
    RateLimitPerIp,

    /// <summary>An AWS managed rule group, its own rules' actions kept (override action none).</summary>
    ManagedRuleGroup,

    /// <summary>Blocks every request whose source address is not in the allow-list IP set.</summary>
    BlockOutsideAllowList,
}

/// <summary>One rule of the web ACL, in evaluation order (WAF evaluates the lowest priority first).</summary>
/// <param name="ManagedGroup">The AWS managed rule group's name; only for <see cref="FirewallRuleKind.ManagedRuleGroup"/>.</param>
/// <param name="CountOnly">Rules of the managed group that only count (never block), each with its reason.</param>
public sealed record FirewallRule(
    string Name,
    int Priority,
    FirewallRuleKind Kind,
    string MetricName,
    string? ManagedGroup = null,
    IReadOnlyList<string>? CountOnly = null);

/// <summary>The HTTP API's web ACL (docs/edge-and-network.md, "WAF on the HTTP API"): default allow, then in this
/// order a per-IP rate limit, the AWS Common Rule Set, the AWS Known Bad Inputs rule set and, when
/// <c>wafAllowedCidrs</c> is set, a rule that blocks every address outside it. Blocking outsiders with a rule
/// (rather than a default block) keeps one ACL shape with or without the allow-list, and counts those blocks under
/// their own metric.</summary>
public static class ApiFirewallRules
{
    public const string Scope = "REGIONAL";
    public const string IpAddressVersion = "IPV4";
    public const string AggregateKeyIp = "IP";

    /// <summary>The rate limit's window: the configured limit counts requests per IP over 5 minutes.</summary>
    public const int EvaluationWindowSeconds = 300;

    public const string AwsVendor = "AWS";
    public const string CommonRuleSet = "AWSManagedRulesCommonRuleSet";
    public const string KnownBadInputsRuleSet = "AWSManagedRulesKnownBadInputsRuleSet";

    /// <summary>The Common Rule Set blocks bodies over 8 KB; orders may be up to <c>OrderLimits.MaxRecordBytes</c>
    /// (256 KB), and the gateway's model and the function already bound the body, so this rule only counts.</summary>
    public const string BodySizeRule = "SizeRestrictions_BODY";

    /// <summary>The header that carries the API key: redacted from WAF logs.</summary>
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>WAF delivers logs only to destinations whose name has this prefix.</summary>
    public const string LogGroupPrefix = "aws-waf-logs-";

    public const string RateLimitRule = "rate-limit-per-ip";
    public const string CommonRule = "aws-common-rule-set";
    public const string KnownBadInputsRule = "aws-known-bad-inputs";
    public const string AllowListRule = "block-outside-allow-list";

    /// <summary>The rules for this stack, in priority order.</summary>
    public static IReadOnlyList<FirewallRule> For(StackConfig config)
    {
        var names = config.Names;
        var rules = new List<FirewallRule>
        {
            new(RateLimitRule, 1, FirewallRuleKind.RateLimitPerIp, names.WafMetric(RateLimitRule)),
            new(CommonRule, 2, FirewallRuleKind.ManagedRuleGroup, names.WafMetric(CommonRule), CommonRuleSet,
                [BodySizeRule]),
            new(KnownBadInputsRule, 3, FirewallRuleKind.ManagedRuleGroup, names.WafMetric(KnownBadInputsRule),
                KnownBadInputsRuleSet, []),
        };
        if (AllowedCidrs(config).Count > 0)
        {
            rules.Add(new(AllowListRule, 4, FirewallRuleKind.BlockOutsideAllowList, names.WafMetric(AllowListRule)));
        }

        return rules;
    }

    /// <summary>The allow-list from <c>wafAllowedCidrs</c>, without duplicates; empty when unset.</summary>
    public static IReadOnlyList<string> AllowedCidrs(StackConfig config) =>
        config.Get(ConfigSchema.WafAllowedCidrs) is { } cidrs
            ? ValueRules.SplitList(cidrs).Distinct(StringComparer.Ordinal).ToArray()
            : [];
}
