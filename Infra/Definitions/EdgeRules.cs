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
        ConfigSchema.SubnetIds, ConfigSchema.VpcInterfaceEndpoints, ConfigSchema.GuardDuty, ConfigSchema.GuardDutyDetectorId, ConfigSchema.ConfigRules,
        ConfigSchema.ConfigRecorder,
    ];

    public static IReadOnlyList<string> Validate(StackConfig config)
    {
        var problems = new List<string>();
        Needs(problems, config, ConfigSchema.CdnRequireSignedUrls, ConfigSchema.Cdn);
        // The key is not echoed: a PEM in an error message is noise.
        Needs(problems, config, ConfigSchema.CdnPublicKeyPem, ConfigSchema.CdnRequireSignedUrls, shownAs: "(a key)");
        if (config.Get(ConfigSchema.CdnRequireSignedUrls) && config.Get(ConfigSchema.CdnPublicKeyPem) is null)
        {
            problems.Add(ConfigSchema.Problem(ConfigSchema.CdnRequireSignedUrls.Name, "true",
                $"false until '{ConfigSchema.FullName(ConfigSchema.CdnPublicKeyPem.Name)}' holds the public key "
                + "that verifies the signatures"));
        }

        Needs(problems, config, ConfigSchema.CdnAliases, ConfigSchema.Cdn);
        Needs(problems, config, ConfigSchema.CdnCertificateArn, ConfigSchema.Cdn);
        Together(problems, config, ConfigSchema.CdnAliases, ConfigSchema.CdnCertificateArn, ConfigSchema.Cdn,
            "CloudFront serves a custom host name only with a certificate that covers it");

        Needs(problems, config, ConfigSchema.Waf, ConfigSchema.HttpIngest);
        Needs(problems, config, ConfigSchema.WafAllowedCidrs, ConfigSchema.Waf);

        Needs(problems, config, ConfigSchema.VpcId, ConfigSchema.Vpc);
        Needs(problems, config, ConfigSchema.SubnetIds, ConfigSchema.Vpc);
        Together(problems, config, ConfigSchema.VpcId, ConfigSchema.SubnetIds, ConfigSchema.Vpc,
            "an existing VPC needs both its id and its private subnets");

        // Endpoints are made only in the VPC the stack creates: an existing VPC's endpoints are its owner's.
        Needs(problems, config, ConfigSchema.VpcInterfaceEndpoints, ConfigSchema.Vpc);
        if (config.Get(ConfigSchema.VpcInterfaceEndpoints) is { } endpoints && config.Get(ConfigSchema.VpcId) is { } vpcId)
        {
            problems.Add(ConfigSchema.Problem(ConfigSchema.VpcInterfaceEndpoints.Name, endpoints,
                $"unset with '{ConfigSchema.FullName(ConfigSchema.VpcId.Name)}' ({vpcId}): the stack makes no endpoint "
                + "in an existing VPC, whose endpoints belong to its owner"));
        }

        // The subnets are the two halves of the range, which only works from its network address.
        var vpcCidr = config.Get(ConfigSchema.VpcCidr);
        if (config.Get(ConfigSchema.Vpc) && config.Get(ConfigSchema.VpcId) is null
            && NetworkLayout.CidrProblem(vpcCidr) is { } cidrProblem)
        {
            problems.Add(ConfigSchema.Problem(ConfigSchema.VpcCidr.Name, vpcCidr,
                $"a network address with no host bits set ({cidrProblem})"));
        }

        Needs(problems, config, ConfigSchema.GuardDutyDetectorId, ConfigSchema.GuardDuty);
        Needs(problems, config, ConfigSchema.ConfigRecorder, ConfigSchema.ConfigRules);
        return problems;
    }

    // A switch that only means something when its control is on.
    private static void Needs(List<string> problems, StackConfig config, ConfigKey<bool> key, ConfigKey<bool> control)
    {
        if (config.Get(key))
        {
            NeedsControl(problems, config, key, "true", control);
        }
    }

    // A setting that only means something when its control is on.
    private static void Needs(
        List<string> problems, StackConfig config, ConfigKey<string?> key, ConfigKey<bool> control,
        string? shownAs = null)
    {
        if (config.Get(key) is { } value)
        {
            NeedsControl(problems, config, key, shownAs ?? value, control);
        }
    }

    private static void NeedsControl(
        List<string> problems, StackConfig config, ConfigKey key, string value, ConfigKey<bool> control)
    {
        if (!config.Get(control))
        {
            problems.Add(ConfigSchema.Problem(key.Name, value,
                $"unset while '{ConfigSchema.FullName(control.Name)}' is false (it only applies to that control); "
                + $"run `pulumi config set {ConfigSchema.FullName(control.Name)} true` to use it"));
        }
    }

    // Two settings that mean something only as a pair, once their control is on.
    private static void Together(
        List<string> problems, StackConfig config, ConfigKey<string?> first, ConfigKey<string?> second,
        ConfigKey<bool> control, string why)
    {
        var (firstValue, secondValue) = (config.Get(first), config.Get(second));
        if (!config.Get(control) || (firstValue is null) == (secondValue is null))
        {
            return;
        }

        var (set, value, missing) = firstValue is null ? (second, secondValue!, first) : (first, firstValue, second);
        problems.Add(ConfigSchema.Problem(set.Name, value,
            $"set together with '{ConfigSchema.FullName(missing.Name)}': {why}"));
    }
}
