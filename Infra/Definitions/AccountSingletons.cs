namespace OrdersPipeline.Infra.Definitions;

/// <summary>
/// The account-level settings a stack may own, each one per account and region (docs/deploying.md): API Gateway's
/// CloudWatch Logs role, the GuardDuty detector and the AWS Config recorder. What a first deploy needs from the
/// account, what the stack checks before it creates one, and what <c>pulumi destroy</c> keeps.
/// </summary>
public static class AccountSingletons
{
    /// <summary>Every key <see cref="Validate"/> reads; it runs only when all are valid.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        ConfigSchema.ConfigRules, ConfigSchema.ConfigRecorder, ConfigSchema.GuardDuty, ConfigSchema.HttpIngest,
        ConfigSchema.FileIngest, ConfigSchema.AuditTrail, ConfigSchema.Encryption, ConfigSchema.KmsKeyArn,
    ];

    /// <summary>The API Gateway CloudWatch Logs role is named by AWS from this prefix (plus 26 characters), not by
    /// the stack: destroy keeps the role, and a fixed name would make the next <c>up</c> fail with
    /// EntityAlreadyExists.</summary>
    public const string ApiGatewayLogsRolePrefix = "orders-pipeline-apigw-logs-";

    /// <summary>IAM role names are at most 64 characters; Pulumi adds 26 to a name prefix.</summary>
    public const int MaxRoleNamePrefixLength = 64 - 26;

    /// <summary>
    /// Whether the stack sets the region's API Gateway CloudWatch Logs role (on by default with the HTTP door): a
    /// stage with access logs is refused until the account has one ("CloudWatch Logs role ARN must be set in
    /// account settings to enable logging"). The setting, the role and its policy attachment are kept on destroy
    /// (<see cref="RetainOnDelete"/>): provider v6 always resets the setting when it is deleted, which would stop
    /// logging for every other REST API in the region.
    /// </summary>
    public static bool ManagesApiGatewayAccount(StackConfig config) =>
        config.Get(ConfigSchema.HttpIngest) && config.Get(ConfigSchema.ApiGatewayAccountRole);

    /// <summary>Whether the stack creates the region's GuardDuty detector (and its S3 Protection feature); both are
    /// kept on destroy, since deleting a detector deletes its findings.</summary>
    public static bool CreatesDetector(StackConfig config) =>
        config.Get(ConfigSchema.GuardDuty) && config.Get(ConfigSchema.GuardDutyDetectorId) is null;

    /// <summary>Set on every account-level resource the stack keeps: Pulumi forgets it on destroy and never calls
    /// the provider's delete.</summary>
    public const bool RetainOnDelete = true;

    /// <summary>Config errors of the account-level switches (run by <see cref="StackConfig.Load"/>):
    /// <c>configRules</c> needs <c>configRecorder</c> set, true or false.</summary>
    public static IReadOnlyList<string> Validate(StackConfig config) =>
        config.Get(ConfigSchema.ConfigRules) && !config.IsSet(ConfigSchema.ConfigRecorder)
            ? [RecorderChoiceProblem(config)]
            : [];

    /// <summary>
    /// <c>configRules</c> without a word on the recorder. The provider has no lookup of a Config recorder, and without
    /// one every managed rule fails (NoAvailableConfigurationRecorderException); a recorder that does not record a
    /// rule's resource type leaves that rule evaluating nothing. So the stack asks instead of guessing.
    /// </summary>
    public static string RecorderChoiceProblem(StackConfig config)
    {
        var recorder = ConfigSchema.FullName(ConfigSchema.ConfigRecorder.Name);
        return $"Config '{ConfigSchema.FullName(ConfigSchema.ConfigRules.Name)}' is true, so '{recorder}' must be set: "
               + $"`pulumi config set {recorder} true` to create the region's AWS Config recorder (an account has one "
               + $"per region), or `pulumi config set {recorder} false` when the account already has one that records "
               + $"{string.Join(", ", ConfigRuleSet.RecordedResourceTypes(config))}. Without a recorder every rule "
               + "fails, and a recorder that skips a type leaves that type's rules evaluating nothing.";
    }

    /// <summary>The GuardDuty lookup's verdict, before any detector is created. Null when the stack may create its
    /// detector (the region has none) or the one found is the stack's own; otherwise the error, which leads to
    /// <c>guardDutyDetectorId</c>.</summary>
    /// <param name="foundDetectorId">The region's detector; null when it has none.</param>
    /// <param name="priorDetectorId">The detector the stack's previous deployment exported; null or empty when
    /// there was none.</param>
    public static string? ExistingDetectorProblem(string? foundDetectorId, string? priorDetectorId)
    {
        if (string.IsNullOrEmpty(foundDetectorId) || foundDetectorId == priorDetectorId)
        {
            return null;
        }

        var key = ConfigSchema.FullName(ConfigSchema.GuardDutyDetectorId.Name);
        return $"GuardDuty: this account already has the detector '{foundDetectorId}' in this region (one per "
               + "region; an Organization or an earlier stack may have made it), and a second CreateDetector fails. "
               + $"Run `pulumi config set {key} {foundDetectorId}` to use it.";
    }

    /// <summary>Stack output the detector check reads back from the previous deployment.</summary>
    public const string PriorDetectorOutput = "guardDutyDetectorId";

    /// <summary>What <c>pulumi destroy</c> leaves in the account with this config, in words (empty when nothing is
    /// account-level); the preview prints it as a warning.</summary>
    public static IReadOnlyList<string> KeptOnDestroy(StackConfig config)
    {
        var kept = new List<string>();
        if (ManagesApiGatewayAccount(config))
        {
            kept.Add("API Gateway's CloudWatch Logs role setting for the region and its role "
                     + $"({ApiGatewayLogsRolePrefix}...), so other REST APIs keep logging");
        }

        if (CreatesDetector(config))
        {
            kept.Add("the GuardDuty detector with its findings (set guardDutyDetectorId to it on the next deploy)");
        }

        return kept;
    }

    /// <summary>The warning the preview prints when destroy would delete an account-level setting others may rely
    /// on; null when there is none.</summary>
    public static string? DestroyWarning(StackConfig config) =>
        config.Get(ConfigSchema.ConfigRules) && config.Get(ConfigSchema.ConfigRecorder)
            ? $"'{ConfigSchema.FullName(ConfigSchema.ConfigRecorder.Name)}' is true: this stack owns the region's "
              + "AWS Config recorder, its delivery channel and history bucket. `pulumi destroy` stops and deletes "
              + "them, and every Config rule in this account and region, this stack's or not, then has no recorder."
            : null;
}
