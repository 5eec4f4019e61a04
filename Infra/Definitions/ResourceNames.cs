using System.Text.RegularExpressions;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>Physical names of every named resource: <c>&lt;environment&gt;-&lt;resource&gt;-&lt;team&gt;</c>.</summary>
public sealed partial record ResourceNames(string Environment, string Team)
{
    /// <summary>Stands in for the account id when checking the bucket name before the account is known.</summary>
    public const string PlaceholderAccountId = "000000000000";

    public string OrdersTable => Name("orders-table");
    public string ProcessorFunction => Name("order-processor-lambda");
    public string ProcessorRole => Name("order-processor-role");
    public string ProcessorPolicy => Name("order-processor-policy");
    public string ProcessorLogGroup => LogGroupOf(ProcessorFunction);
    public string DeadLetterQueue => Name("orders-dlq");
    public string RedriveQueue => Name("audit-redrive-queue");
    public string AuditTable => Name("audit-table");
    public string AuditFunction => Name("audit-lambda");
    public string AuditRole => Name("audit-role");
    public string AuditPolicy => Name("audit-policy");
    public string AuditLogGroup => LogGroupOf(AuditFunction);
    public string AlertTopic => Name("pipeline-alerts-topic");
    public string ProcessorErrorsAlarm => Name("processor-errors-alarm");
    public string ProcessorIteratorAgeAlarm => Name("processor-iterator-age-alarm");
    public string DeadLetterDepthAlarm => Name("dlq-depth-alarm");
    public string AuditErrorsAlarm => Name("audit-errors-alarm");
    public string RedriveDepthAlarm => Name("redrive-depth-alarm");
    public string ProcessingLagAlarm => Name("processing-lag-alarm");
    public string CardNumbersMaskedAlarm => Name("card-numbers-masked-alarm");
    public string Dashboard => Name("orders-pipeline");

    // Data protection. The key alias and the buckets are not in All(): the alias is "alias/" plus name segments
    // (always valid), and each bucket name is shorter than the processed bucket's, whose check covers them.
    public string KeyAlias => $"alias/{Environment}-{PipelineDefaults.Project}-{Team}";
    public string AuditTrail => Name("audit-trail");
    public string AuditTrailRole => Name("audit-trail-role");
    public string AuditTrailPolicy => Name("audit-trail-policy");
    public string AuditTrailLogGroup => $"/aws/cloudtrail/{AuditTrail}";
    public string UnauthorizedApiCallsAlarm => Name("unauthorized-api-calls-alarm");
    public string BucketPolicyChangesAlarm => Name("bucket-policy-changes-alarm");

    /// <summary>The trail log group's metric filter for one security event kind, and the metric it counts.</summary>
    public string SecurityFilter(string kind) => Name($"{kind}-filter");

    public string SecurityMetric(string kind) => Name(kind);

    public string AccessLogBucket(string accountId) => Name($"access-logs-{CheckedAccountId(accountId)}");

    public string AuditTrailBucket(string accountId) => Name($"audit-trail-{CheckedAccountId(accountId)}");

    // Ingest (docs/ingest.md): the HTTP door and the file door.
    public string HttpIngestFunction => Name("http-ingest-lambda");
    public string HttpIngestRole => Name("http-ingest-role");
    public string HttpIngestPolicy => Name("http-ingest-policy");
    public string HttpIngestLogGroup => LogGroupOf(HttpIngestFunction);
    public string OrdersApi => Name("orders-api");
    public string OrdersApiKey => Name("orders-api-key");
    public string OrdersApiKeySecret => Name("orders-api-key-secret");
    public string OrdersApiUsagePlan => Name("orders-api-usage-plan");
    public string OrdersApiAccessLogGroup => $"/aws/apigateway/{OrdersApi}";
    public string FileIngestFunction => Name("file-ingest-lambda");
    public string FileIngestRole => Name("file-ingest-role");
    public string FileIngestPolicy => Name("file-ingest-policy");
    public string FileIngestLogGroup => LogGroupOf(FileIngestFunction);
    public string IngestLogTable => Name("ingest-log");
    public string Api5xxAlarm => Name("api-5xx-rate-alarm");
    public string Api4xxAlarm => Name("api-4xx-alarm");
    public string ApiLatencyAlarm => Name("api-latency-p99-alarm");
    public string HttpIngestErrorsAlarm => Name("http-ingest-errors-alarm");
    public string FileIngestErrorsAlarm => Name("file-ingest-errors-alarm");
    public string FailedFilesAlarm => Name("ingest-failed-files-alarm");

    // CDN read path (docs/edge-and-network.md). The distribution itself has no name, only a comment.
    public string CdnOriginAccessControl => Name("processed-oac");
    public string CdnSecurityHeadersPolicy => Name("cdn-security-headers");
    public string CdnKeyGroup => Name("cdn-signers");

    /// <summary>A public key is replaced when its PEM changes, and CloudFront names are unique per account, so the
    /// name carries the key's fingerprint (<see cref="ContentDeliveryDefaults.KeyFingerprint"/>): the new key can be
    /// created before the old one is deleted.</summary>
    public string CdnPublicKey(string fingerprint) => Name($"cdn-signing-key-{fingerprint}");

    /// <summary>The names of the CDN's resources when it is on, with their rules.</summary>
    public IReadOnlyList<(string Name, ServiceNameRule Rule)> ContentDelivery(bool on, string? publicKeyPem) =>
        !on ? []
        : publicKeyPem is null
            ? [(CdnOriginAccessControl, ServiceNameRules.CloudFrontOriginAccessControl),
                (CdnSecurityHeadersPolicy, ServiceNameRules.CloudFrontName)]
            : [(CdnOriginAccessControl, ServiceNameRules.CloudFrontOriginAccessControl),
                (CdnSecurityHeadersPolicy, ServiceNameRules.CloudFrontName),
                (CdnKeyGroup, ServiceNameRules.CloudFrontName),
                (CdnPublicKey(ContentDeliveryDefaults.KeyFingerprint(publicKeyPem)), ServiceNameRules.CloudFrontName)];
    // Edge and network (docs/edge-and-network.md): the HTTP API's web ACL.
    public string WebAcl => Name("orders-api-waf");
    public string WafIpSet => Name("orders-api-allowed-ips");
    public string WafLogGroup => $"{ApiFirewallRules.LogGroupPrefix}{OrdersApi}";
    public string WafBlockedAlarm => Name("waf-blocked-requests-alarm");

    /// <summary>The CloudWatch metric of one web ACL rule (the ACL's own metric is named <see cref="WebAcl"/>).</summary>
    public string WafMetric(string rule) => Name($"waf-{rule}");

    /// <summary>The web ACL's names with their rules (checked only when <c>waf</c> is on).</summary>
    public IReadOnlyList<(string Name, ServiceNameRule Rule)> Waf() =>
    [
        (WebAcl, ServiceNameRules.WafEntity),
        (WafIpSet, ServiceNameRules.WafEntity),
        (WafLogGroup, ServiceNameRules.LogGroup),
        (WafBlockedAlarm, ServiceNameRules.CloudWatchAlarm),
        .. new[]
        {
            ApiFirewallRules.RateLimitRule, ApiFirewallRules.CommonRule, ApiFirewallRules.KnownBadInputsRule,
            ApiFirewallRules.AllowListRule,
        }.Select(rule => (WafMetric(rule), ServiceNameRules.WafMetric)),
    ];
    // Private network (docs/edge-and-network.md). EC2 resources take these as their Name tag; security groups,
    // the flow-log role and its log group are named by them.
    public string Vpc => Name("orders-vpc");
    public string PrivateSubnet(int index) => Name($"private-subnet-{index + 1}");
    public string PrivateRouteTable => Name("private-routes");
    public string FunctionsSecurityGroup => Name("functions-sg");
    public string EndpointsSecurityGroup => Name("endpoints-sg");
    public string VpcEndpoint(string service) => Name($"{service}-endpoint");
    public string VpcFlowLog => Name("vpc-flow-log");
    public string VpcFlowLogGroup => $"/aws/vpc/flow-logs/{Vpc}";
    public string VpcFlowLogRole => Name("vpc-flow-logs-role");
    public string VpcFlowLogPolicy => Name("vpc-flow-logs-policy");

    /// <summary>The private network's names with their rules: the security groups always, the flow-log role and
    /// group only when the stack creates the VPC (checked only for resources the stack will create).</summary>
    public IReadOnlyList<(string Name, ServiceNameRule Rule)> Network(bool vpc, bool createsVpc)
    {
        if (!vpc)
        {
            return [];
        }

        List<(string, ServiceNameRule)> names = [(FunctionsSecurityGroup, ServiceNameRules.SecurityGroup)];
        if (createsVpc)
        {
            names.AddRange(
            [
                (EndpointsSecurityGroup, ServiceNameRules.SecurityGroup),
                (VpcFlowLogGroup, ServiceNameRules.LogGroup),
                (VpcFlowLogRole, ServiceNameRules.IamRole),
                (VpcFlowLogPolicy, ServiceNameRules.IamRolePolicy),
            ]);
        }

        return names;
    }
    // Threat detection (docs/edge-and-network.md): GuardDuty findings and the remediation function, AWS Config.
    public string RemediationFunction => Name("remediation-lambda");
    public string RemediationRole => Name("remediation-role");
    public string RemediationPolicy => Name("remediation-policy");
    public string RemediationLogGroup => LogGroupOf(RemediationFunction);
    public string RemediationErrorsAlarm => Name("remediation-errors-alarm");
    public string GuardDutyFindingsRule => Name("guardduty-findings");
    public string ConfigRecorder => Name("config-recorder");
    public string ConfigRecorderRole => Name("config-recorder-role");
    public string ConfigRecorderPolicy => Name("config-recorder-policy");
    public string ConfigDeliveryChannel => Name("config-delivery");

    /// <summary>Matches the name of every alarm this stack makes (<c>&lt;environment&gt;-*-&lt;team&gt;</c>), for a
    /// policy that must keep working when an alarm is added.</summary>
    public string AlarmNamePattern => Name("*");

    /// <summary>One AWS Config rule: a control, and the resource it checks when it checks one.</summary>
    public string ConfigRule(string control, string? target) => Name(target is null ? control : $"{control}-{target}");

    /// <summary>Where AWS Config delivers configuration history and snapshots (as long as the processed bucket's
    /// name, whose check covers it).</summary>
    public string ConfigHistoryBucket(string accountId) => Name($"config-history-{CheckedAccountId(accountId)}");

    /// <summary>The drop bucket carries the account id because bucket names are global.</summary>
    public string DropBucket(string accountId) =>
        AccountIdPattern().IsMatch(accountId)
            ? Name($"order-drop-{accountId}")
            : throw new ArgumentException($"'{accountId}' is not a 12-digit AWS account id.", nameof(accountId));

    /// <summary>The bucket name carries the account id because bucket names are global.</summary>
    public string ProcessedBucket(string accountId) => Name($"processed-data-{CheckedAccountId(accountId)}");

    public static string LogGroupOf(string functionName) => $"/aws/lambda/{functionName}";

    /// <summary>Every name with the rule of the service it is used in.</summary>
    public IReadOnlyList<(string Name, ServiceNameRule Rule)> All() =>
    [
        (OrdersTable, ServiceNameRules.DynamoDbTable),
        (AuditTable, ServiceNameRules.DynamoDbTable),
        (ProcessedBucket(PlaceholderAccountId), ServiceNameRules.S3Bucket),
        (ProcessorFunction, ServiceNameRules.LambdaFunction),
        (AuditFunction, ServiceNameRules.LambdaFunction),
        (ProcessorRole, ServiceNameRules.IamRole),
        (AuditRole, ServiceNameRules.IamRole),
        (ProcessorPolicy, ServiceNameRules.IamRolePolicy),
        (AuditPolicy, ServiceNameRules.IamRolePolicy),
        (ProcessorLogGroup, ServiceNameRules.LogGroup),
        (AuditLogGroup, ServiceNameRules.LogGroup),
        (DeadLetterQueue, ServiceNameRules.SqsQueue),
        (RedriveQueue, ServiceNameRules.SqsQueue),
        (AlertTopic, ServiceNameRules.SnsTopic),
        (ProcessorErrorsAlarm, ServiceNameRules.CloudWatchAlarm),
        (ProcessorIteratorAgeAlarm, ServiceNameRules.CloudWatchAlarm),
        (DeadLetterDepthAlarm, ServiceNameRules.CloudWatchAlarm),
        (AuditErrorsAlarm, ServiceNameRules.CloudWatchAlarm),
        (RedriveDepthAlarm, ServiceNameRules.CloudWatchAlarm),
        (ProcessingLagAlarm, ServiceNameRules.CloudWatchAlarm),
        (CardNumbersMaskedAlarm, ServiceNameRules.CloudWatchAlarm),
        (Dashboard, ServiceNameRules.CloudWatchDashboard),
        (AuditTrail, ServiceNameRules.CloudTrailTrail),
        (AuditTrailRole, ServiceNameRules.IamRole),
        (AuditTrailPolicy, ServiceNameRules.IamRolePolicy),
        (AuditTrailLogGroup, ServiceNameRules.LogGroup),
        (UnauthorizedApiCallsAlarm, ServiceNameRules.CloudWatchAlarm),
        (BucketPolicyChangesAlarm, ServiceNameRules.CloudWatchAlarm),
    ];

    /// <summary>The names of the ingest doors that are on, with their rules (checked only for resources the stack
    /// will create).</summary>
    public IReadOnlyList<(string Name, ServiceNameRule Rule)> Ingest(bool http, bool file)
    {
        var names = new List<(string, ServiceNameRule)>();
        if (http)
        {
            names.AddRange(
            [
                (HttpIngestFunction, ServiceNameRules.LambdaFunction),
                (HttpIngestRole, ServiceNameRules.IamRole),
                (HttpIngestPolicy, ServiceNameRules.IamRolePolicy),
                (HttpIngestLogGroup, ServiceNameRules.LogGroup),
                (OrdersApiAccessLogGroup, ServiceNameRules.LogGroup),
                (Api5xxAlarm, ServiceNameRules.CloudWatchAlarm),
                (Api4xxAlarm, ServiceNameRules.CloudWatchAlarm),
                (ApiLatencyAlarm, ServiceNameRules.CloudWatchAlarm),
                (HttpIngestErrorsAlarm, ServiceNameRules.CloudWatchAlarm),
            ]);
        }

        if (file)
        {
            names.AddRange(
            [
                (FileIngestFunction, ServiceNameRules.LambdaFunction),
                (FileIngestRole, ServiceNameRules.IamRole),
                (FileIngestPolicy, ServiceNameRules.IamRolePolicy),
                (FileIngestLogGroup, ServiceNameRules.LogGroup),
                (IngestLogTable, ServiceNameRules.DynamoDbTable),
                (DropBucket(PlaceholderAccountId), ServiceNameRules.S3Bucket),
                (FileIngestErrorsAlarm, ServiceNameRules.CloudWatchAlarm),
                (FailedFilesAlarm, ServiceNameRules.CloudWatchAlarm),
            ]);
        }

        return names;
    }

    /// <summary>The names of the threat-detection controls that are on, with their rules.</summary>
    public IReadOnlyList<(string Name, ServiceNameRule Rule)> ThreatDetection(
        bool guardDuty, IReadOnlyList<string> configRuleNames, bool configRecorder)
    {
        var names = new List<(string, ServiceNameRule)>();
        if (guardDuty)
        {
            names.AddRange(
            [
                (RemediationFunction, ServiceNameRules.LambdaFunction),
                (RemediationRole, ServiceNameRules.IamRole),
                (RemediationPolicy, ServiceNameRules.IamRolePolicy),
                (RemediationLogGroup, ServiceNameRules.LogGroup),
                (RemediationErrorsAlarm, ServiceNameRules.CloudWatchAlarm),
                (GuardDutyFindingsRule, ServiceNameRules.EventBridgeRule),
            ]);
        }

        names.AddRange(configRuleNames.Select(name => (name, ServiceNameRules.ConfigRule)));
        if (configRecorder)
        {
            names.AddRange(
            [
                (ConfigRecorder, ServiceNameRules.ConfigRecorder),
                (ConfigRecorderRole, ServiceNameRules.IamRole),
                (ConfigRecorderPolicy, ServiceNameRules.IamRolePolicy),
                (ConfigDeliveryChannel, ServiceNameRules.ConfigRecorder),
            ]);
        }

        return names;
    }


    /// The bucket is checked with a 12-digit placeholder account id.</summary>
    public IReadOnlyList<string> Validate() => Validate(All());

    /// <summary>As <see cref="Validate()"/>, for the given names.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyList<(string Name, ServiceNameRule Rule)> names) =>
        names
            .Select(entry => (entry.Name, Broken: entry.Rule.Check(entry.Name)))
            .Where(entry => entry.Broken is not null)
            .Select(entry =>
                $"Resource name '{entry.Name}' is invalid: {entry.Broken}. It is built from "
                + $"'{ConfigSchema.FullName(ConfigSchema.Environment.Name)}' ('{Environment}') and "
                + $"'{ConfigSchema.FullName(ConfigSchema.Team.Name)}' ('{Team}'); change them to fit.")
            .ToArray();

    private string Name(string resource) => $"{Environment}-{resource}-{Team}";

    private static string CheckedAccountId(string accountId) =>
        AccountIdPattern().IsMatch(accountId)
            ? accountId
            : throw new ArgumentException($"'{accountId}' is not a 12-digit AWS account id.", nameof(accountId));

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();
}
