namespace OrdersPipeline.Infra.Definitions;

/// <summary>Which optional parts a stack has, derived once from its config (<see cref="StackConfig.Parts"/>). The
/// key policy, the alarms, the Config rules, the bucket policies and the stack itself read this rather than the
/// switches, so a part is on or off in one place, and what it adds (its log groups, say) is listed once.</summary>
public sealed record StackParts
{
    /// <summary>Every table, bucket, queue, topic, log group and function environment uses the stack key
    /// (<c>encryption: customer-key</c>, the key the stack creates or <c>kmsKeyArn</c>).</summary>
    public required bool CustomerKey { get; init; }

    /// <summary>The stack creates the key (customer-key without <c>kmsKeyArn</c>), and so writes its policy.</summary>
    public required bool CreatesKey { get; init; }

    public required bool HttpIngest { get; init; }
    public required bool FileIngest { get; init; }
    public required bool AuditTrail { get; init; }
    public required bool Cdn { get; init; }

    /// <summary>The web ACL on the API stage (needs the HTTP door, as the config checks).</summary>
    public required bool Waf { get; init; }

    /// <summary>The functions run in a VPC, created by the stack or given (<c>vpcId</c>).</summary>
    public required bool Vpc { get; init; }

    /// <summary>The stack creates the VPC, with its flow logs and endpoints.</summary>
    public required bool CreatesVpc { get; init; }

    /// <summary>GuardDuty findings to the alert topic and the remediation function.</summary>
    public required bool GuardDuty { get; init; }

    public required bool ConfigRules { get; init; }
    public required bool ConfigRecorder { get; init; }

    /// <summary>The switches the parts are derived from; <see cref="From"/> needs every one of them valid.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        ConfigSchema.Encryption, ConfigSchema.KmsKeyArn, ConfigSchema.HttpIngest, ConfigSchema.FileIngest,
        ConfigSchema.AuditTrail, ConfigSchema.Cdn, ConfigSchema.Waf, ConfigSchema.Vpc, ConfigSchema.VpcId,
        ConfigSchema.GuardDuty, ConfigSchema.ConfigRules, ConfigSchema.ConfigRecorder,
    ];

    public static StackParts From(StackConfig config)
    {
        var customerKey = config.Get(ConfigSchema.Encryption) == EncryptionMode.CustomerKey;
        var vpc = config.Get(ConfigSchema.Vpc);
        return new StackParts
        {
            CustomerKey = customerKey,
            CreatesKey = customerKey && config.Get(ConfigSchema.KmsKeyArn) is null,
            HttpIngest = config.Get(ConfigSchema.HttpIngest),
            FileIngest = config.Get(ConfigSchema.FileIngest),
            AuditTrail = config.Get(ConfigSchema.AuditTrail),
            Cdn = config.Get(ConfigSchema.Cdn),
            Waf = config.Get(ConfigSchema.Waf),
            Vpc = vpc,
            CreatesVpc = vpc && config.Get(ConfigSchema.VpcId) is null,
            GuardDuty = config.Get(ConfigSchema.GuardDuty),
            ConfigRules = config.Get(ConfigSchema.ConfigRules),
            ConfigRecorder = config.Get(ConfigSchema.ConfigRecorder),
        };
    }

    /// <summary>Every log group the stack makes, each encrypted with the stack key when there is one (which is why
    /// the key policy names exactly these): the functions' own, the API's access log, WAF's, the trail's, the flow
    /// logs'.</summary>
    public IReadOnlyList<string> LogGroups(ResourceNames names)
    {
        var groups = new List<string> { names.ProcessorLogGroup, names.AuditLogGroup };
        if (HttpIngest)
        {
            groups.Add(names.HttpIngestLogGroup);
            groups.Add(names.OrdersApiAccessLogGroup);
        }

        if (FileIngest)
        {
            groups.Add(names.FileIngestLogGroup);
        }

        if (Waf)
        {
            groups.Add(names.WafLogGroup);
        }

        if (AuditTrail)
        {
            groups.Add(names.AuditTrailLogGroup);
        }

        if (CreatesVpc)
        {
            groups.Add(names.VpcFlowLogGroup);
        }

        if (GuardDuty)
        {
            groups.Add(names.RemediationLogGroup);
        }

        return groups;
    }
}
