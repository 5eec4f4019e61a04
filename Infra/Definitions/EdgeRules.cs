namespace OrdersPipeline.Infra.Definitions;

/// <summary>Rules across the edge and network keys (run by <see cref="StackConfig.Load"/> on keys valid alone). A
/// setting that its control would ignore is refused rather than silently dropped.</summary>
public static class EdgeRules
{
    /// <summary>Every key these rules read; they run only when all are valid.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        ConfigSchema.Cdn, ConfigSchema.CdnRequireSignedUrls, ConfigSchema.CdnPublicKeyPem, ConfigSchema.CdnAliases,
        ConfigSchema.CdnCertificateArn, ConfigSchema.Waf,
        ConfigSchema.WafAllowedCidrs, ConfigSchema.HttpIngest, ConfigSchema.Vpc, ConfigSchema.VpcCidr, ConfigSchema.VpcId,
        ConfigSchema.SubnetIds, ConfigSchema.GuardDuty, ConfigSchema.GuardDutyDetectorId, ConfigSchema.ConfigRules,
        ConfigSchema.ConfigRecorder,
    ];

    public static IReadOnlyList<string> Validate(StackConfig config)
    {
        var problems = new List<string>();
        var cdn = config.Get(ConfigSchema.Cdn);
        var signed = config.Get(ConfigSchema.CdnRequireSignedUrls);
        var publicKey = config.Get(ConfigSchema.CdnPublicKeyPem);
        Needs(problems, ConfigSchema.CdnRequireSignedUrls, signed, "true", ConfigSchema.Cdn, cdn);
        Needs(problems, ConfigSchema.CdnPublicKeyPem, publicKey is not null, "(a key)", ConfigSchema.CdnRequireSignedUrls,
            signed);
        if (signed && publicKey is null)
        {
            problems.Add(ConfigSchema.Problem(ConfigSchema.CdnRequireSignedUrls.Name, "true",
                $"false until '{ConfigSchema.FullName(ConfigSchema.CdnPublicKeyPem.Name)}' holds the public key "
                + "that verifies the signatures"));
        }

        var aliases = config.Get(ConfigSchema.CdnAliases);
        var certificate = config.Get(ConfigSchema.CdnCertificateArn);
        Needs(problems, ConfigSchema.CdnAliases, aliases is not null, aliases ?? string.Empty, ConfigSchema.Cdn, cdn);
        Needs(problems, ConfigSchema.CdnCertificateArn, certificate is not null, certificate ?? string.Empty,
            ConfigSchema.Cdn, cdn);
        if (cdn && (aliases is null) != (certificate is null))
        {
            var (set, missing) = aliases is null
                ? (ConfigSchema.CdnCertificateArn, ConfigSchema.CdnAliases)
                : (ConfigSchema.CdnAliases, ConfigSchema.CdnCertificateArn);
            problems.Add(ConfigSchema.Problem(set.Name, (aliases ?? certificate)!,
                $"set together with '{ConfigSchema.FullName(missing.Name)}': CloudFront serves a custom host name only "
                + "with a certificate that covers it"));
        }

        var waf = config.Get(ConfigSchema.Waf);
        Needs(problems, ConfigSchema.Waf, waf, "true", ConfigSchema.HttpIngest, config.Get(ConfigSchema.HttpIngest));
        Needs(problems, ConfigSchema.WafAllowedCidrs, config.Get(ConfigSchema.WafAllowedCidrs) is not null,
            config.Get(ConfigSchema.WafAllowedCidrs) ?? string.Empty, ConfigSchema.Waf, waf);

        var vpc = config.Get(ConfigSchema.Vpc);
        var vpcId = config.Get(ConfigSchema.VpcId);
        var subnetIds = config.Get(ConfigSchema.SubnetIds);
        Needs(problems, ConfigSchema.VpcId, vpcId is not null, vpcId ?? string.Empty, ConfigSchema.Vpc, vpc);
        Needs(problems, ConfigSchema.SubnetIds, subnetIds is not null, subnetIds ?? string.Empty, ConfigSchema.Vpc, vpc);
        if (vpc && (vpcId is null) != (subnetIds is null))
        {
            var (set, missing) = vpcId is null
                ? (ConfigSchema.SubnetIds, ConfigSchema.VpcId)
                : (ConfigSchema.VpcId, ConfigSchema.SubnetIds);
            problems.Add(ConfigSchema.Problem(set.Name, (vpcId ?? subnetIds)!,
                $"set together with '{ConfigSchema.FullName(missing.Name)}': an existing VPC needs both its id and "
                + "its private subnets"));
        }

        // The subnets are the two halves of the range, which only works from its network address.
        var vpcCidr = config.Get(ConfigSchema.VpcCidr);
        if (vpc && vpcId is null && NetworkLayout.CidrProblem(vpcCidr) is not null)
        {
            problems.Add(ConfigSchema.Problem(ConfigSchema.VpcCidr.Name, vpcCidr,
                $"a network address with no host bits set ({NetworkLayout.CidrProblem(vpcCidr)})"));
        }

        var detectorId = config.Get(ConfigSchema.GuardDutyDetectorId);
        Needs(problems, ConfigSchema.GuardDutyDetectorId, detectorId is not null, detectorId ?? string.Empty,
            ConfigSchema.GuardDuty, config.Get(ConfigSchema.GuardDuty));
        Needs(problems, ConfigSchema.ConfigRecorder, config.Get(ConfigSchema.ConfigRecorder), "true",
            ConfigSchema.ConfigRules, config.Get(ConfigSchema.ConfigRules));
        return problems;
    }

    // A key that only means something when its control is on.
    private static void Needs(
        List<string> problems, ConfigKey key, bool isSet, string value, ConfigKey control, bool controlOn)
    {
        if (isSet && !controlOn)
        {
            problems.Add(ConfigSchema.Problem(key.Name, value,
                $"unset while '{ConfigSchema.FullName(control.Name)}' is false (it only applies to that control); "
                + $"run `pulumi config set {ConfigSchema.FullName(control.Name)} true` to use it"));
        }
    }
}
