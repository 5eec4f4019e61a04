using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.Cfg;
using Pulumi.Aws.Cfg.Inputs;
using Pulumi.Aws.Iam;

namespace OrdersPipeline.Infra.Components;

/// <summary>What the rules check: the AWS Config resource id (name) of each of the stack's resources that exists
/// with this config, except the history bucket, which this component makes.</summary>
public sealed record ComplianceRulesArgs(
    Output<string> AccountId, IReadOnlyDictionary<ComplianceTarget, Output<string>> ResourceIds);

/// <summary>
/// AWS Config (<c>configRules: true</c>, account-level): the managed rules of <see cref="ConfigRuleSet"/>, each
/// scoped to one resource of this stack. With <c>configRecorder: true</c> it also makes the region's configuration
/// recorder (recording only the resource types the rules evaluate), its role, the history bucket (see
/// <see cref="BucketDefaults"/>) and delivery channel, and turns recording on; the rules wait for it; destroy deletes
/// them all. With <c>configRecorder: false</c> the rules rely on the account's existing recorder (the provider has no
/// lookup of one, so the config must say which: <see cref="AccountSingletons.RecorderChoiceProblem"/>).
/// </summary>
public sealed class ComplianceRules : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:threat:ComplianceRules";
    public const string RecordingStrategy = "INCLUSION_BY_RESOURCE_TYPES";

    public ComplianceRules(string name, StackContext context, ComplianceRulesArgs args,
        ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var config = context.Config;
        var resourceIds = new Dictionary<ComplianceTarget, Output<string>>(args.ResourceIds);
        var waitFor = Array.Empty<Resource>();
        if (config.Get(ConfigSchema.ConfigRecorder))
        {
            // Not kept on destroy (docs/deploying.md): the preview says so, since other stacks' rules may rely on it.
            if (AccountSingletons.DestroyWarning(config) is { } warning)
            {
                Log.Warn(warning, this);
            }

            HistoryBucket = Recorder(name, args.AccountId, out var status);
            resourceIds[ComplianceTarget.ConfigHistoryBucket] = HistoryBucket.BucketName;
            waitFor = [status];
        }

        Rules = ConfigRuleSet.For(config).Select(rule => new Rule(rule.Name, new RuleArgs
        {
            Name = rule.Name,
            Description = rule.Description,
            Source = new RuleSourceArgs { Owner = ConfigRuleSet.ManagedRuleOwner, SourceIdentifier = rule.Identifier },
            Scope = rule.Target is { } target
                ? new RuleScopeArgs
                {
                    ComplianceResourceTypes = { rule.ResourceType! },
                    ComplianceResourceId = resourceIds[target],
                }
                : (Input<RuleScopeArgs>?)null,
            MaximumExecutionFrequency = rule.MaximumExecutionFrequency is { } frequency ? frequency : (Input<string>?)null,
        }, ChildOptions(waitFor))).ToArray();

        RegisterOutputs();
    }

    /// <summary>The history bucket; null unless <c>configRecorder</c> is true.</summary>
    public Pulumi.Aws.S3.Bucket? HistoryBucket { get; }

    public IReadOnlyList<Rule> Rules { get; }

    private Pulumi.Aws.S3.Bucket Recorder(string name, Output<string> accountId, out RecorderStatus status)
    {
        var (config, names) = (Context.Config, Context.Names);
        var secure = BucketDefaults.Create(this, $"{name}-history", new BucketSpec
        {
            BucketName = accountId.Apply(names.ConfigHistoryBucket),
            ForceDestroy = ProtectionRules.ForceDestroy(config, StackBucket.ConfigHistory),
            KeyArn = Context.KeyArn,
            Protect = config.Get(ConfigSchema.Protect),
            AccessLogPrefix = BucketPolicies.ConfigHistoryPrefix,
            Policy = bucketArn => Output.Tuple(bucketArn, accountId)
                .Apply(pair => BucketPolicies.ConfigHistoryBucket(pair.Item1, pair.Item2)),
        });

        var recorderRole = new ServiceRole(this, $"{name}-recorder", new ServiceRoleSpec
        {
            RoleName = names.ConfigRecorderRole,
            PolicyName = names.ConfigRecorderPolicy,
            TrustPolicy = accountId.Apply(PolicyDocuments.ConfigTrustPolicy),
            Statements = Output.Tuple(secure.Bucket.Arn, accountId)
                .Apply(pair => PolicyDocuments.ConfigDeliveryStatements(pair.Item1, pair.Item2)),
            UsesStackKey = true,
        });

        var describe = new RolePolicyAttachment($"{name}-recorder-config-role", new RolePolicyAttachmentArgs
        {
            Role = recorderRole.Role.Name,
            PolicyArn = PolicyDocuments.ConfigRoleManagedPolicyArn,
        }, ChildOptions());


        var recorder = new Recorder($"{name}-recorder", new RecorderArgs
        {
            Name = names.ConfigRecorder,
            RoleArn = recorderRole.Role.Arn,
            RecordingGroup = new RecorderRecordingGroupArgs
            {
                // Not all supported types: only these (includeGlobalResourceTypes needs allSupported, so stays unset).
                AllSupported = false,
                ResourceTypes = ConfigRuleSet.RecordedResourceTypes(config).ToList(),
                RecordingStrategies = { new RecorderRecordingGroupRecordingStrategyArgs { UseOnly = RecordingStrategy } },
            },
        }, ChildOptions(describe));

        // Config checks the bucket policy and the role when the channel is created; a channel needs a recorder.
        var channel = new DeliveryChannel($"{name}-delivery-channel", new DeliveryChannelArgs
        {
            Name = names.ConfigDeliveryChannel,
            S3BucketName = secure.Bucket.BucketName,
            S3KmsKeyArn = Context.KeyArn.OrNone(),
        }, ChildOptions(recorder, secure.Policy, recorderRole.Policy));

        status = new RecorderStatus($"{name}-recorder-status", new RecorderStatusArgs
        {
            Name = recorder.Name,
            IsEnabled = true,
        }, ChildOptions(channel));
        return secure.Bucket;
    }
}
