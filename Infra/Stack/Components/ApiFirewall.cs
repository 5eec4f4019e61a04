using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.ApiGateway;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.WafV2;
using Pulumi.Aws.WafV2.Inputs;
using WebAclRuleArgs = Pulumi.Aws.WafV2.Inputs.WebAclRuleArgs;

namespace OrdersPipeline.Infra.Components;

/// <summary>What the web ACL protects, and where the stack runs (for the log delivery policy).</summary>
public sealed record ApiFirewallArgs(Stage ApiStage, Output<AwsScope> Scope);

/// <summary>
/// WAF on the HTTP API (<c>waf: true</c>; docs/edge-and-network.md): a regional WAFv2 web ACL with the rules of
/// <see cref="ApiFirewallRules"/> (per-IP rate limit, AWS Common Rule Set, Known Bad Inputs, the optional
/// allow-list), associated with the API's stage, logging to an <c>aws-waf-logs-</c> log group with the API key
/// header redacted. The blocked-requests alarm is one of <see cref="AlarmDefinitions"/> (Monitoring).
/// </summary>
public sealed class ApiFirewall : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:edge:ApiFirewall";

    public ApiFirewall(string name, StackContext context, ApiFirewallArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var (config, names) = (context.Config, context.Names);

        var cidrs = ApiFirewallRules.AllowedCidrs(config);
        AllowList = cidrs.Count > 0
            ? new IpSet($"{name}-allowed-ips", new IpSetArgs
            {
                Name = names.WafIpSet,
                Description = "Addresses allowed to call the orders API (wafAllowedCidrs).",
                Scope = ApiFirewallRules.Scope,
                IpAddressVersion = ApiFirewallRules.IpAddressVersion,
                Addresses = [.. cidrs],
            }, ChildOptions())
            : null;

        var rules = new InputList<WebAclRuleArgs>();
        foreach (var rule in ApiFirewallRules.For(config))
        {
            rules.Add(Rule(rule, config.Get(ConfigSchema.WafRateLimit), AllowList));
        }

        WebAcl = new WebAcl($"{name}-web-acl", new WebAclArgs
        {
            Name = names.WebAcl,
            Description = "Orders API: per-IP rate limit, AWS common and known-bad-inputs rules.",
            Scope = ApiFirewallRules.Scope,
            DefaultAction = new WebAclDefaultActionArgs { Allow = new WebAclDefaultActionAllowArgs() },
            Rules = rules,
            VisibilityConfig = new WebAclVisibilityConfigArgs
            {
                CloudwatchMetricsEnabled = true,
                MetricName = names.WebAcl,
                SampledRequestsEnabled = true,
            },
        }, ChildOptions());

        // The stage's ARN (arn:aws:apigateway:<region>::/restapis/<id>/stages/<stage>), not its execution ARN.
        Association = new WebAclAssociation($"{name}-stage-association", new WebAclAssociationArgs
        {
            ResourceArn = args.ApiStage.Arn,
            WebAclArn = WebAcl.Arn,
        }, ChildOptions());

        LogGroup = new LogGroup($"{name}-logs",
            LogGroupDefaults.For(names.WafLogGroup, config, context.KeyArn), ChildOptions());

        // Attached to the log group itself (no account-wide policy, whose 10-per-region quota and size limit WAF's
        // own AWSWAF-LOGS policy runs into); in place before logging starts, so WAF has nothing to add.
        DeliveryPolicy = new LogResourcePolicy($"{name}-log-delivery-policy", new LogResourcePolicyArgs
        {
            ResourceArn = LogGroup.Arn,
            PolicyDocument = Output.Tuple(LogGroup.Arn, args.Scope)
                .Apply(pair => PolicyDocuments.WafLogDeliveryPolicy(pair.Item1, pair.Item2)),
        }, ChildOptions());

        // The log group's ARN as the provider returns it (no trailing ":*"), which is the form WAF accepts.
        Logging = new WebAclLoggingConfiguration($"{name}-logging", new WebAclLoggingConfigurationArgs
        {
            ResourceArn = WebAcl.Arn,
            LogDestinationConfigs = { LogGroup.Arn },
            RedactedFields =
            {
                new WebAclLoggingConfigurationRedactedFieldArgs
                {
                    SingleHeader = new WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs
                    {
                        Name = ApiFirewallRules.ApiKeyHeader,
                    },
                },
            },
        }, ChildOptions(DeliveryPolicy));

        RegisterOutputs();
    }

    public WebAcl WebAcl { get; }

    /// <summary>Null unless <c>wafAllowedCidrs</c> is set.</summary>
    public IpSet? AllowList { get; }

    public WebAclAssociation Association { get; }

    public LogGroup LogGroup { get; }

    public LogResourcePolicy DeliveryPolicy { get; }

    public WebAclLoggingConfiguration Logging { get; }

    private static WebAclRuleArgs Rule(FirewallRule rule, int rateLimit, IpSet? allowList)
    {
        var args = new WebAclRuleArgs
        {
            Name = rule.Name,
            Priority = rule.Priority,
            VisibilityConfig = new WebAclRuleVisibilityConfigArgs
            {
                CloudwatchMetricsEnabled = true,
                MetricName = rule.MetricName,
                SampledRequestsEnabled = true,
            },
        };
        switch (rule.Kind)
        {
            case FirewallRuleKind.RateLimitPerIp:
                args.Action = Block();
                args.Statement = new WebAclRuleStatementArgs
                {
                    RateBasedStatement = new WebAclRuleStatementRateBasedStatementArgs
                    {
                        AggregateKeyType = ApiFirewallRules.AggregateKeyIp,
                        Limit = rateLimit,
                        EvaluationWindowSec = ApiFirewallRules.EvaluationWindowSeconds,
                    },
                };
                break;
            case FirewallRuleKind.ManagedRuleGroup:
                // The group's own actions apply; the rules listed in CountOnly only count.
                args.OverrideAction = new WebAclRuleOverrideActionArgs { None = new WebAclRuleOverrideActionNoneArgs() };
                var group = new WebAclRuleStatementManagedRuleGroupStatementArgs
                {
                    Name = rule.ManagedGroup!,
                    VendorName = ApiFirewallRules.AwsVendor,
                };
                foreach (var counted in rule.CountOnly ?? [])
                {
                    group.RuleActionOverrides.Add(new WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs
                    {
                        Name = counted,
                        ActionToUse = new WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs
                        {
                            Count = new WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs(),
                        },
                    });
                }

                args.Statement = new WebAclRuleStatementArgs { ManagedRuleGroupStatement = group };
                break;
            case FirewallRuleKind.BlockOutsideAllowList:
                args.Action = Block();
                args.Statement = new WebAclRuleStatementArgs
                {
                    NotStatement = new WebAclRuleStatementNotStatementArgs
                    {
                        Statement = new WebAclRuleStatementArgs
                        {
                            IpSetReferenceStatement = new WebAclRuleStatementIpSetReferenceStatementArgs
                            {
                                Arn = (allowList ?? throw new InvalidOperationException(
                                    "The allow-list rule needs the IP set built from wafAllowedCidrs.")).Arn,
                            },
                        },
                    },
                };
                break;
            default:
                throw new InvalidOperationException($"No web ACL rule is built for {rule.Kind}.");
        }

        return args;
    }

    private static WebAclRuleActionArgs Block() => new() { Block = new WebAclRuleActionBlockArgs() };
}
