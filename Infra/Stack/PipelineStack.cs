using System.Collections.Immutable;
using OrdersPipeline.Infra.Components;
using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;

namespace OrdersPipeline.Infra;

/// <summary>The whole pipeline. Run by <c>pulumi up</c> (Program.cs) and inline by the Deployer
/// (<c>PulumiFn.Create&lt;PipelineStack&gt;()</c>). Configuration is validated before any resource is registered.
/// Each stack output is one line at the end of this class.</summary>
public sealed class PipelineStack : Stack
{
    private readonly StackConfig _config;
    private readonly Output<string> _region;
    private readonly IngestTable _orders;
    private readonly ProcessedStorage _storage;
    private readonly FailureAudit _audit;
    private readonly StreamProcessor _processor;
    private readonly Monitoring _monitoring;
    private readonly Dashboard _dashboard;
    private readonly EncryptionKey? _key;
    private readonly AccessLogs _accessLogs;
    private readonly AuditTrail? _auditTrail;
    private readonly PrivateNetwork? _network;
    private readonly HttpIngest? _httpIngest;
    private readonly FileIngest? _fileIngest;
    private readonly ContentDelivery? _cdn;
    private readonly ApiFirewall? _firewall;
    private readonly FindingRemediation? _remediation;
    private readonly ThreatDetection? _threatDetection;
    private readonly ComplianceRules? _complianceRules;

    public PipelineStack()
    {
        _config = ReadConfig();
        foreach (var kept in AccountSingletons.KeptOnDestroy(_config))
        {
            Log.Info($"Kept on destroy (account-level, docs/deploying.md): {kept}.");
        }

        var parts = _config.Parts;
        var code = new FileArchive(LocateFunctionsPackage(_config));
        var provider = PipelineProvider.Create(_config, new Config("aws").Get("region"));
        var context = new StackContext(_config, provider, code);
        var identity = Pulumi.Aws.GetCallerIdentity.Invoke(options: new InvokeOptions { Provider = provider });
        var accountId = identity.Apply(caller => caller.AccountId);
        // The region the provider resolved (aws:region, else the environment): the one the stack really uses.
        _region = Pulumi.Aws.GetRegion.Invoke(options: new InvokeOptions { Provider = provider })
            .Apply(found => found.Region);

        // Partition, region and account, for every policy that names a resource by ARN before it exists.
        var scope = StackScope(identity, _region);

        // Data protection first: every later resource takes the key and the access-log bucket from the context.
        _key = EncryptionKey.IsCreated(_config) ? new EncryptionKey("encryption", context, scope) : null;
        _accessLogs = new AccessLogs("access-logs", context, accountId);
        context = context with
        {
            KeyArn = EncryptionKey.ArnFor(_config, _key),
            AccessLogBucket = _accessLogs.Bucket.BucketName,
        };
        // The private network next: every function runs in it (docs/edge-and-network.md).
        _network = parts.Vpc
            ? new PrivateNetwork("network", context, scope)
            : null;
        context = context with { Network = _network?.ForFunctions };

        _orders = new IngestTable("orders", context);
        // The CDN (docs/edge-and-network.md) is built by the storage, between the bucket it reads and the bucket
        // policy that names it.
        ContentDelivery? cdn = null;
        _storage = new ProcessedStorage("processed", context, accountId, parts.Cdn
            ? bucket => (cdn = new ContentDelivery("cdn", context, bucket.BucketRegionalDomainName)).Distribution.Arn
            : null);
        _cdn = cdn;
        // Built before the processor: the processor's failure destination and policy need the dead-letter queue.
        _audit = new FailureAudit("failure-audit", context);
        _processor = new StreamProcessor("processor", context,
            new StreamProcessorArgs(_orders.Table, _storage.Bucket, _audit.DeadLetterQueue));
        var watched = new Dictionary<AlarmTarget, Output<string>>
        {
            [AlarmTarget.ProcessorFunction] = _processor.Function.Function.Name,
            [AlarmTarget.AuditFunction] = _audit.Function.Function.Name,
            [AlarmTarget.DeadLetterQueue] = _audit.DeadLetterQueue.Name,
            [AlarmTarget.RedriveQueue] = _audit.RedriveQueue.Name,
        };

        // Ingest (docs/ingest.md): each door on its own switch; both write to the orders table, the file door's failed
        // invocations go to the dead-letter queue.
        if (parts.HttpIngest)
        {
            _httpIngest = new HttpIngest("http-ingest", context, new HttpIngestArgs(_orders.Table));
            watched[AlarmTarget.HttpIngestFunction] = _httpIngest.Function.Function.Name;
            watched[AlarmTarget.OrdersApi] = _httpIngest.Api.Name;

            // WAF on the API (docs/edge-and-network.md); the config refuses waf without httpIngest.
            if (parts.Waf)
            {
                _firewall = new ApiFirewall("api-firewall", context,
                    new ApiFirewallArgs(_httpIngest.Stage, scope));
                watched[AlarmTarget.WebAcl] = _firewall.WebAcl.Name;
            }
        }

        if (parts.FileIngest)
        {
            _fileIngest = new FileIngest("file-ingest", context,
                new FileIngestArgs(_orders.Table, _audit.DeadLetterQueue, accountId));
            watched[AlarmTarget.FileIngestFunction] = _fileIngest.Function.Function.Name;
        }

        // Threat detection (docs/edge-and-network.md). The remediation function comes before monitoring, whose alarms
        // watch it; the GuardDuty rule after, since it delivers to the alert topic.
        if (parts.GuardDuty)
        {
            IEnumerable<LambdaFunction> functions =
            [
                _processor.Function, _audit.Function,
                .. new[] { _httpIngest?.Function, _fileIngest?.Function }.OfType<LambdaFunction>(),
            ];
            _remediation = new FindingRemediation("remediation", context, new FindingRemediationArgs(
                _storage.Bucket, _audit.Table,
                scope.Apply(stackScope => stackScope.TopicArn(context.Names.AlertTopic)),
                functions.Select(function => function.Role.Name).ToArray()));
            watched[AlarmTarget.RemediationFunction] = _remediation.Function.Function.Name;
        }

        _monitoring = new Monitoring("monitoring", context, _region, watched);
        if (_remediation is not null)
        {
            _threatDetection = new ThreatDetection("threat-detection", context,
                new ThreatDetectionArgs(_remediation.Function, _monitoring.Topic, scope));
        }

        _dashboard = new Dashboard("dashboard", context, _region, watched);
        _auditTrail = parts.AuditTrail
            ? new AuditTrail("audit-trail", context,
                new AuditTrailArgs(scope, accountId, _storage.Bucket, _orders.Table, _monitoring.Topic,
                    _fileIngest?.Bucket))
            : null;
        _complianceRules = parts.ConfigRules
            ? new ComplianceRules("compliance", context, new ComplianceRulesArgs(accountId, ComplianceTargets()))
            : null;
    }

    /// <summary>The AWS Config resource id (the name) of every resource a compliance rule may check; those of
    /// controls that are off are absent.</summary>
    private Dictionary<ComplianceTarget, Output<string>> ComplianceTargets()
    {
        var targets = new Dictionary<ComplianceTarget, Output<string>>
        {
            [ComplianceTarget.ProcessedBucket] = _storage.Bucket.BucketName,
            [ComplianceTarget.AccessLogBucket] = _accessLogs.Bucket.BucketName,
            [ComplianceTarget.OrdersTable] = _orders.Table.Name,
            [ComplianceTarget.AuditTable] = _audit.Table.Name,
            [ComplianceTarget.ProcessorFunction] = _processor.Function.Function.Name,
            [ComplianceTarget.AuditFunction] = _audit.Function.Function.Name,
        };
        Add(ComplianceTarget.DropBucket, _fileIngest?.Bucket.BucketName);
        Add(ComplianceTarget.IngestLogTable, _fileIngest?.LogTable.Name);
        Add(ComplianceTarget.FileIngestFunction, _fileIngest?.Function.Function.Name);
        Add(ComplianceTarget.HttpIngestFunction, _httpIngest?.Function.Function.Name);
        Add(ComplianceTarget.AuditTrailBucket, _auditTrail?.Bucket.BucketName);
        Add(ComplianceTarget.RemediationFunction, _remediation?.Function.Function.Name);
        return targets;

        void Add(ComplianceTarget target, Output<string>? id)
        {
            if (id is not null)
            {
                targets[target] = id;
            }
        }
    }

    [Output("environment")] public Output<string> Environment => Output.Create(_config.Get(ConfigSchema.Environment));
    [Output("region")] public Output<string> Region => _region;
    [Output("ordersTableName")] public Output<string> OrdersTableName => _orders.Table.Name;
    [Output("ordersTableArn")] public Output<string> OrdersTableArn => _orders.Table.Arn;
    [Output("ordersTableStreamArn")] public Output<string> OrdersTableStreamArn => _orders.Table.StreamArn;
    [Output("processedBucketName")] public Output<string> ProcessedBucketName => _storage.Bucket.BucketName;
    [Output("processedBucketArn")] public Output<string> ProcessedBucketArn => _storage.Bucket.Arn;
    [Output("processorFunctionName")] public Output<string> ProcessorFunctionName => _processor.Function.Function.Name;
    [Output("processorFunctionArn")] public Output<string> ProcessorFunctionArn => _processor.Function.Function.Arn;
    [Output("processorRoleArn")] public Output<string> ProcessorRoleArn => _processor.Function.Role.Arn;
    [Output("processorLogGroupName")] public Output<string> ProcessorLogGroupName => _processor.Function.LogGroup.Name;
    [Output("streamMappingId")] public Output<string> StreamMappingId => _processor.Mapping.Uuid;
    [Output("deadLetterQueueName")] public Output<string> DeadLetterQueueName => _audit.DeadLetterQueue.Name;
    [Output("deadLetterQueueUrl")] public Output<string> DeadLetterQueueUrl => _audit.DeadLetterQueue.Url;
    [Output("deadLetterQueueArn")] public Output<string> DeadLetterQueueArn => _audit.DeadLetterQueue.Arn;
    [Output("redriveQueueName")] public Output<string> RedriveQueueName => _audit.RedriveQueue.Name;
    [Output("redriveQueueUrl")] public Output<string> RedriveQueueUrl => _audit.RedriveQueue.Url;
    [Output("redriveQueueArn")] public Output<string> RedriveQueueArn => _audit.RedriveQueue.Arn;
    [Output("auditTableName")] public Output<string> AuditTableName => _audit.Table.Name;
    [Output("auditTableArn")] public Output<string> AuditTableArn => _audit.Table.Arn;
    [Output("auditFunctionName")] public Output<string> AuditFunctionName => _audit.Function.Function.Name;
    [Output("auditFunctionArn")] public Output<string> AuditFunctionArn => _audit.Function.Function.Arn;
    [Output("auditRoleArn")] public Output<string> AuditRoleArn => _audit.Function.Role.Arn;
    [Output("auditLogGroupName")] public Output<string> AuditLogGroupName => _audit.Function.LogGroup.Name;
    [Output("alertTopicArn")] public Output<string> AlertTopicArn => _monitoring.Topic.Arn;
    [Output("alarmNames")] public Output<ImmutableArray<string>> AlarmNames =>
        Output.All(_monitoring.Alarms.Select(alarm => alarm.Name));
    [Output("dashboardName")] public Output<string> DashboardName => _dashboard.Resource.DashboardName;
    // The outputs of optional parts (StackOutputs): an empty string where the part is off, an empty list for a list,
    // never null, so every stack has the same outputs (docs/architecture.md, "Outputs of parts that are off").
    // Ingest. The API key's value is never an output (docs/ingest.md).
    [Output("ordersApiUrl")] public Output<string> OrdersApiUrl => _httpIngest?.Url ?? Off;
    [Output("ordersApiKeyId")] public Output<string> OrdersApiKeyId => _httpIngest?.ApiKey.Id ?? Off;
    [Output("ordersApiKeySecretArn")] public Output<string> OrdersApiKeySecretArn => _httpIngest?.KeySecret.Arn ?? Off;
    [Output("dropBucketName")] public Output<string> DropBucketName => _fileIngest?.Bucket.BucketName ?? Off;
    [Output("ingestLogTableName")] public Output<string> IngestLogTableName => _fileIngest?.LogTable.Name ?? Off;

    // Data protection.
    [Output("kmsKeyArn")] public Output<string> KmsKeyArn => EncryptionKey.ArnFor(_config, _key) ?? Off;
    [Output("kmsKeyAlias")] public Output<string> KmsKeyAlias => _key?.Alias.Name ?? Off;
    [Output("accessLogBucketName")] public Output<string> AccessLogBucketName => _accessLogs.Bucket.BucketName;
    [Output("auditTrailArn")] public Output<string> AuditTrailArn => _auditTrail?.Trail.Arn ?? Off;
    [Output("auditTrailBucketName")] public Output<string> AuditTrailBucketName => _auditTrail?.Bucket.BucketName ?? Off;
    [Output("auditTrailLogGroupName")] public Output<string> AuditTrailLogGroupName => _auditTrail?.LogGroup.Name ?? Off;
    [Output(ProtectionRules.PriorObjectLockOutput)] public Output<int> ProcessedObjectLockDays => _storage.ObjectLockDays;

    // Edge and network.
    [Output("cdnDomainName")] public Output<string> CdnDomainName => _cdn?.Distribution.DomainName ?? Off;
    [Output("webAclArn")] public Output<string> WebAclArn => _firewall?.WebAcl.Arn ?? Off;
    // Private network (the flow logs: also empty with an existing VPC).
    [Output("vpcId")] public Output<string> VpcId => _network?.VpcId ?? Off;
    [Output("functionSubnetIds")] public Output<ImmutableArray<string>> FunctionSubnetIds =>
        _network?.SubnetIds ?? Output.Create(ImmutableArray<string>.Empty);
    [Output("functionSecurityGroupId")] public Output<string> FunctionSecurityGroupId =>
        _network?.FunctionsSecurityGroup.Id ?? Off;
    [Output("vpcFlowLogGroupName")] public Output<string> VpcFlowLogGroupName => _network?.FlowLogGroup?.Name ?? Off;
    // Threat detection.
    [Output("guardDutyDetectorId")] public Output<string> GuardDutyDetectorId => _threatDetection?.DetectorId ?? Off;
    [Output("guardDutyFindingsRuleArn")] public Output<string> GuardDutyFindingsRuleArn => FindingsRule?.Arn ?? Off;
    [Output("remediationFunctionName")] public Output<string> RemediationFunctionName => Remediation?.Name ?? Off;
    [Output("configRuleNames")] public Output<ImmutableArray<string>> ConfigRuleNames => Output.All(ConfigRuleNameList);

    private Pulumi.Aws.CloudWatch.EventRule? FindingsRule => _threatDetection?.Rule;

    private Pulumi.Aws.Lambda.Function? Remediation => _remediation?.Function.Function;

    private IEnumerable<Output<string>> ConfigRuleNameList => _complianceRules?.Rules.Select(rule => rule.Name) ?? [];

    private static Output<string> Off => Output.Create(StackOutputs.Off);

    /// <summary>Partition, region and account, for the policies that name resources by ARN before they exist.</summary>
    private static Output<AwsScope> StackScope(
        Output<Pulumi.Aws.GetCallerIdentityResult> identity, Output<string> region) =>
        Output.Tuple(identity, region)
            .Apply(pair => AwsScope.FromCallerArn(pair.Item1.Arn, pair.Item2, pair.Item1.AccountId));

    // RunException makes Pulumi print the message alone, without a stack trace.
    private static StackConfig ReadConfig()
    {
        try
        {
            return StackConfig.Load(new Config(ConfigSchema.Namespace).Get, Deployment.Instance.StackName);
        }
        catch (ConfigValidationException exception)
        {
            throw new RunException(exception.Message, exception);
        }
    }

    private static string LocateFunctionsPackage(StackConfig config)
    {
        try
        {
            return FunctionsPackage.Locate(config.Get(ConfigSchema.FunctionsPackageDirectory),
                [Directory.GetCurrentDirectory(), AppContext.BaseDirectory], config.Get(ConfigSchema.Architecture),
                config.Get(ConfigSchema.FunctionPackage));
        }
        catch (FunctionsPackageMissingException exception)
        {
            throw new RunException(exception.Message, exception);
        }
    }
}
