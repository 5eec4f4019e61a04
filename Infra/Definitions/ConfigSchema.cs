using System.Reflection;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Privacy;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>Every key of the <c>orders-pipeline</c> config namespace, each declared once: name, default, allowed
/// values, description. A new key is this one line plus the line that reads it (<c>config.Get(ConfigSchema.X)</c>).
/// The config table of docs/config.md is checked against this list by a test.</summary>
public static class ConfigSchema
{
    public const string Namespace = "orders-pipeline";

    public static readonly ConfigKey<string> Environment = Key.StackNamed("environment", ValueRules.NameSegment(32),
        "Environment name: the first segment of every resource name.");

    public static readonly ConfigKey<string> Team = Key.Required("team", ValueRules.NameSegment(32),
        "Owning team: the last segment of every resource name and the Team tag.");

    public static readonly ConfigKey<int> BatchSize = Key.Int("batchSize", 100, 1, 10_000,
        "Stream records per processor invocation.");

    public static readonly ConfigKey<int> MaxBatchingWindowSeconds = Key.Int("maxBatchingWindowSeconds", 0, 0, 300,
        "Seconds the stream mapping may wait to fill a batch.");

    public static readonly ConfigKey<int> MaxRetryAttempts = Key.Int("maxRetryAttempts", 3, -1, 10_000,
        "Retries of a failed stream batch (-1: until the record expires).");

    public static readonly ConfigKey<int> MaxRecordAgeSeconds = Key.IntOrSentinel("maxRecordAgeSeconds", 3600, -1,
        60, 604_800, "Oldest stream record the mapping still sends (-1: no limit).");

    public static readonly ConfigKey<int> ParallelizationFactor = Key.Int("parallelizationFactor", 1, 1, 10,
        "Concurrent batches per stream shard.");

    public static readonly ConfigKey<int> ProcessorMemoryMb = Key.Int("processorMemoryMb", 512, 128, 10_240,
        "Processor function memory in MB.");

    public static readonly ConfigKey<int> ProcessorTimeoutSeconds = Key.Int("processorTimeoutSeconds", 60,
        TimeBudgetPolicy.MinimumFunctionTimeoutSeconds, TimeBudgetPolicy.MaximumFunctionTimeoutSeconds,
        "Processor function timeout in seconds (at least one worst-case S3 call with its retries, plus a margin).");

    public static readonly ConfigKey<int> ProcessorMaxConcurrency = Key.Int("processorMaxConcurrency",
        ProcessorEnvironment.MaxConcurrency, "Records the processor writes to S3 at once");

    public static readonly ConfigKey<bool> ProcessorConditionalWrites = Key.Flag("processorConditionalWrites",
        ProcessorEnvironment.ConditionalWrites.Default,
        "Conditional processor PutObjects (If-None-Match/If-Match), so a late or replayed write never replaces a newer "
        + "change: new keys and keys the environment wrote stay one request, an existing key it does not know costs a "
        + "failed put, a HEAD and a second put (1.2 requests per change on a cold MODIFY-heavy benchmark); false: one "
        + "plain PutObject each, and a late write can leave an older change as the latest version.");

    public static readonly ConfigKey<int> AuditTimeoutSeconds = Key.Int("auditTimeoutSeconds", 30,
        TimeBudgetPolicy.MinimumFunctionTimeoutSeconds, TimeBudgetPolicy.MaximumFunctionTimeoutSeconds,
        "Audit function timeout in seconds; the dead-letter queue's visibility timeout is 6x this value.");

    public static readonly ConfigKey<int> LogRetentionDays = Key.IntOneOf("logRetentionDays", 14,
        LogRetention.AllowedDays, "Retention of every log group (a value CloudWatch Logs accepts; 0: never expire).");

    public static readonly ConfigKey<LambdaArchitecture> Architecture = Key.Choice("architecture",
        LambdaArchitecture.Arm64, LambdaArchitectureNames.ByName, "Instruction set of every function.");

    public static readonly ConfigKey<FunctionPackageKind> FunctionPackage = Key.Choice("functionPackage",
        FunctionPackageKind.ReadyToRun, FunctionPackageKindNames.ByName,
        "How the functions are compiled: readyToRun (dotnet10 runtime, built for both architectures by Infra's "
        + "build) or nativeAot (provided.al2023, one native bootstrap; compile it on a machine of the function's "
        + "architecture).");

    public static readonly ConfigKey<int> ErrorAlarmThreshold = Key.Int("errorAlarmThreshold", 5, 1, 1_000_000,
        "Processor errors in 5 minutes that raise the alarm.");

    public static readonly ConfigKey<int> IteratorAgeAlarmMs = Key.Int("iteratorAgeAlarmMs", 60_000, 1_000,
        604_800_000, "Processor iterator age (ms) that raises the alarm.");

    public static readonly ConfigKey<int> ProcessingLagAlarmMs = Key.Int("processingLagAlarmMs", 120_000, 1_000,
        604_800_000, "Time (ms) from a change to its document in S3 that raises the processing-lag alarm.");

    public static readonly ConfigKey<string> MetricsNamespace = Key.Text("metricsNamespace",
        MetricsEnvironment.Namespace.Default, ValueRules.MetricNamespace,
        "CloudWatch namespace of the functions' own metrics (the dashboard and the lag alarm read it).");

    public static readonly ConfigKey<string?> AlertEmail = Key.Optional("alertEmail", ValueRules.Email,
        "Email address subscribed to the alert topic.");

    public static readonly ConfigKey<bool> Protect = Key.Flag("protect", false,
        "Pulumi-protect the tables and the bucket, and turn on table deletion protection.");

    public static readonly ConfigKey<bool> ForceDestroy = Key.Flag("forceDestroy", true,
        "Empty each bucket (every version) when the stack is destroyed; the processed bucket with Object Lock always "
        + "keeps its objects.");

    public static readonly ConfigKey<int> NoncurrentVersionExpirationDays = Key.Int(
        "noncurrentVersionExpirationDays", 30, 1, 3650, "Days before a replaced object version expires.");

    public static readonly ConfigKey<string?> FunctionsPackageDirectory = Key.Optional("functionsPackageDirectory",
        ValueRules.NonEmpty, "Folder holding the published Functions package (default: "
        + "<repo>/artifacts/functions/<architecture>, with nativeAot <architecture>-native).");

    public static readonly ConfigKey<string?> EmulatorEndpoint = Key.Optional("emulatorEndpoint", ValueRules.HttpUrl,
        "AWS API emulator URL; when set, every service the stack uses is sent there (the local stack sets it).");

    public static readonly ConfigKey<string> EmulatorAccessKey = Key.Text("emulatorAccessKey", "test",
        ValueRules.NonEmpty, "Access key sent to the emulator.");

    public static readonly ConfigKey<string> EmulatorSecretKey = Key.Text("emulatorSecretKey", "test",
        ValueRules.NonEmpty, "Secret key sent to the emulator.");

    // Data protection (issue 11).
    public static readonly ConfigKey<EncryptionMode> Encryption = Key.Choice("encryption", EncryptionMode.AwsManaged,
        EncryptionModeNames.ByName,
        "customer-key: one KMS key per stack (or kmsKeyArn) for every table, bucket, queue, topic, log group and "
        + "function environment; aws-managed: AWS-managed keys.");

    public static readonly ConfigKey<string?> KmsKeyArn = Key.Optional("kmsKeyArn", ValueRules.KmsKeyArn,
        "Existing symmetric KMS key to use instead of creating one (needs encryption customer-key).");

    public static readonly ConfigKey<int> KeyDeletionWindowDays = Key.Int("keyDeletionWindowDays", 30, 7, 30,
        "Days a deleted stack key waits before KMS destroys it (customer-key without kmsKeyArn).");

    public static readonly ConfigKey<bool> AuditTrail = Key.Flag("auditTrail", false,
        "Multi-region CloudTrail trail with data events, its own bucket, log group and security alarms.");

    public static readonly ConfigKey<int> TrailLogExpirationDays = Key.Int("trailLogExpirationDays", 365, 91, 3650,
        "Days before trail log files expire (Glacier after 90 days).");

    public static readonly ConfigKey<int> AccessLogExpirationDays = Key.Int("accessLogExpirationDays", 90, 1, 3650,
        "Days before S3 server access logs expire.");

    public static readonly ConfigKey<int> ProcessedObjectLockDays = Key.Int("processedObjectLockDays", 0, 0, 36_500,
        "Object Lock (governance) default retention of the processed bucket in days; 0: off. Set at creation only.");

    // Ingest (docs/ingest.md): the HTTP door and the file door, each with its own switch.
    public static readonly ConfigKey<bool> HttpIngest = Key.Flag("httpIngest", true,
        "Raise the HTTP door: REST API POST /orders with an API key, usage plan and the HTTP ingest function.");

    public static readonly ConfigKey<bool> FileIngest = Key.Flag("fileIngest", true,
        "Raise the file door: the drop bucket, the ingest-log table and the file ingest function.");

    public static readonly ConfigKey<int> ApiQuotaPerDay = Key.Int("apiQuotaPerDay", 10_000, 1, 1_000_000_000,
        "Requests per day the usage plan allows the API key.");

    public static readonly ConfigKey<int> ApiRateLimitPerSecond = Key.Int("apiRateLimitPerSecond", 50, 1, 10_000,
        "Steady requests per second the usage plan allows (throttling rate).");

    public static readonly ConfigKey<int> ApiBurstLimit = Key.Int("apiBurstLimit", 100, 1, 5_000,
        "Requests the usage plan allows in a burst (throttling burst).");

    public static readonly ConfigKey<bool> ApiGatewayAccountRole = Key.Flag("apiGatewayAccountRole", true,
        "Set the region's API Gateway CloudWatch Logs role, which the stage's access logs need (shared by every REST API "
        + "in the account and region; kept on destroy). false: the account already has one.");

    public static readonly ConfigKey<int> Api5xxRateAlarmPercent = Key.Int("api5xxRateAlarmPercent", 5, 1, 100,
        "Share of API requests (%) answered 5xx in 5 minutes that raises the alarm.");

    public static readonly ConfigKey<int> Api4xxAlarmThreshold = Key.Int("api4xxAlarmThreshold", 100, 1, 1_000_000,
        "API requests answered 4xx in 5 minutes that raise the alarm.");

    public static readonly ConfigKey<int> ApiLatencyP99AlarmMs = Key.Int("apiLatencyP99AlarmMs", 3_000, 10, 29_000,
        "API p99 latency (ms) over 5 minutes that raises the alarm.");

    public static readonly ConfigKey<int> DropObjectExpirationDays = Key.Int("dropObjectExpirationDays", 30, 1, 3650,
        "Days before dropped files and their rejects files expire (every version).");

    public static readonly ConfigKey<int> FileIngestMaxObjectMb = Key.Int("fileIngestMaxObjectMb",
        FileIngestEnvironment.MaxObjectMb, "Largest dropped file (MB) that is read; a larger one is logged FAILED");

    // Card numbers (docs/security.md, "Card numbers"): the doors and the processor.
    public static readonly ConfigKey<CardNumberGuardMode> CardNumberGuard = Key.Choice("cardNumberGuard",
        CardNumberGuardMode.Refuse, Functions.Privacy.CardNumberGuard.ModesByName,
        "What the doors do with an order holding a payment card number: refuse (400, a reject line), mask (first six "
        + "and last four kept) or off; unless off the processor masks any that reach the table.");

    public static readonly ConfigKey<string?> CardNumberExemptFields = Key.Optional("cardNumberExemptFields",
        ValueRules.FieldPathList,
        "Field paths the card-number guard leaves alone, comma-separated, [] for any index (items[].trackingNo).");

    // Edge and network controls (docs/edge-and-network.md): each off by default, each on its own switch.
    public static readonly ConfigKey<bool> Cdn = Key.Flag("cdn", false,
        "CloudFront distribution (origin access control, HTTPS only) reading processed-data/ from the processed bucket.");

    public static readonly ConfigKey<string> CdnPriceClass = Key.Text("cdnPriceClass", "PriceClass_100",
        ValueRules.OneOf("PriceClass_100", "PriceClass_200", "PriceClass_All"),
        "Edge locations the distribution uses (PriceClass_100: North America and Europe).");

    public static readonly ConfigKey<bool> CdnRequireSignedUrls = Key.Flag("cdnRequireSignedUrls", false,
        "Serve only signed URLs or cookies, signed with the private half of cdnPublicKeyPem.");

    public static readonly ConfigKey<string?> CdnPublicKeyPem = Key.Optional("cdnPublicKeyPem", ValueRules.PemPublicKey,
        "Public key (PEM, RSA 2048) of the key group that signs URLs; needs cdnRequireSignedUrls.");

    public static readonly ConfigKey<string?> CdnAliases = Key.Optional("cdnAliases", ValueRules.HostNameList,
        "Custom host names of the distribution (comma-separated); needs cdnCertificateArn.");

    public static readonly ConfigKey<string?> CdnCertificateArn = Key.Optional("cdnCertificateArn",
        ValueRules.CloudFrontCertificateArn,
        "ACM certificate (us-east-1) for cdnAliases; with it viewers need TLS 1.2 or later (TLSv1.2_2021).");

    public static readonly ConfigKey<bool> Waf = Key.Flag("waf", false,
        "WAFv2 web ACL on the HTTP API stage: per-IP rate limit, AWS common and known-bad-inputs rules; needs httpIngest.");

    public static readonly ConfigKey<int> WafRateLimit = Key.Int("wafRateLimit", 2_000, 10, 2_000_000_000,
        "Requests one IP address may send in 5 minutes before WAF blocks it.");

    public static readonly ConfigKey<string?> WafAllowedCidrs = Key.Optional("wafAllowedCidrs", ValueRules.Ipv4CidrList,
        "IPv4 CIDR blocks allowed to call the API; when set, WAF blocks every other address.");

    public static readonly ConfigKey<int> WafBlockedAlarmThreshold = Key.Int("wafBlockedAlarmThreshold", 100, 1,
        1_000_000_000, "Requests WAF blocks in 5 minutes that raise the alarm.");

    public static readonly ConfigKey<bool> Vpc = Key.Flag("vpc", false,
        "Run every function in private subnets (no internet route) that reach AWS through VPC endpoints.");

    public static readonly ConfigKey<string> VpcCidr = Key.Text("vpcCidr", "10.40.0.0/16", ValueRules.Ipv4Cidr(16, 24),
        "Address range of the VPC the stack creates (not used with vpcId).");

    public static readonly ConfigKey<string?> VpcId = Key.Optional("vpcId", ValueRules.ResourceId("vpc"),
        "Existing VPC to run the functions in instead of creating one; needs subnetIds.");

    public static readonly ConfigKey<string?> SubnetIds = Key.Optional("subnetIds", ValueRules.ResourceIdList("subnet", 2),
        "Private subnets of vpcId (comma-separated, in at least two availability zones).");

    public static readonly ConfigKey<string?> VpcInterfaceEndpoints = Key.Optional("vpcInterfaceEndpoints",
        ValueRules.ListOf(NetworkLayout.OptionalInterfaceServices),
        "Interface endpoints (comma-separated) in the VPC the stack creates, for code that calls these services from "
        + "inside it; none by default, since the functions call only S3 and DynamoDB (free gateway endpoints). Each "
        + "costs about $14.60 a month (2 zones) plus $0.01 per GB.");

    public static readonly ConfigKey<bool> GuardDuty = Key.Flag("guardDuty", false,
        "Account-level: GuardDuty detector (or guardDutyDetectorId), findings to the alert topic and the remediation function.");

    public static readonly ConfigKey<string?> GuardDutyDetectorId = Key.Optional("guardDutyDetectorId",
        ValueRules.DetectorId,
        "The account's existing GuardDuty detector; set it when the account already has one (the stack looks and stops).");

    public static readonly ConfigKey<int> GuardDutySeverityThreshold = Key.Int("guardDutySeverityThreshold", 7, 1, 8,
        "Lowest finding severity sent to the alert topic and the remediation function (7: high).");

    public static readonly ConfigKey<bool> ConfigRules = Key.Flag("configRules", false,
        "Account-level: AWS Config managed rules for this stack's buckets, tables, functions, trail and key.");

    public static readonly ConfigKey<bool> ConfigRecorder = Key.Flag("configRecorder", false,
        "Create the AWS Config recorder and delivery channel (an account has one per region; destroy deletes them); "
        + "configRules needs it set: false means the account's own recorder records the rules' resource types.");

    /// <summary>Every key above, in declaration order.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } = typeof(ConfigSchema)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType.IsAssignableTo(typeof(ConfigKey)))
        .OrderBy(field => field.MetadataToken)
        .Select(field => (ConfigKey)field.GetValue(null)!)
        .ToArray();

    private static readonly Dictionary<string, ConfigKey> ByName = Keys.ToDictionary(key => key.Name, StringComparer.Ordinal);

    /// <summary>Accepts the short name (<c>team</c>) or the namespaced one (<c>orders-pipeline:team</c>).</summary>
    public static bool IsKnown(string key) => ByName.ContainsKey(ShortName(key));

    public static ConfigKey Find(string key) => ByName.TryGetValue(ShortName(key), out var found)
        ? found
        : throw new KeyNotFoundException(UnknownKey(key));

    /// <summary>Null when <paramref name="value"/> is valid for <paramref name="key"/>; otherwise a message naming the
    /// key, the value and the allowed values.</summary>
    public static string? ValidateValue(string key, string value)
    {
        if (!ByName.TryGetValue(ShortName(key), out var found))
        {
            return UnknownKey(key);
        }

        var allowed = found.Check(value.Trim());
        return allowed is null ? null : Problem(found.Name, value, allowed);
    }

    public static string FullName(string shortName) => $"{Namespace}:{shortName}";

    public static string ShortName(string key) =>
        key.StartsWith(Namespace + ":", StringComparison.Ordinal) ? key[(Namespace.Length + 1)..] : key;

    /// <summary>The message every config problem uses: key, value, allowed values.</summary>
    public static string Problem(string shortName, string value, string allowed) =>
        $"Config '{FullName(shortName)}' has invalid value '{value}': must be {allowed}.";

    private static string UnknownKey(string key) =>
        $"'{FullName(ShortName(key))}' is not a known key; known keys: {string.Join(", ", ByName.Keys)}.";
}
