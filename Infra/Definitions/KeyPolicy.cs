using System.Text.Json.Nodes;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>Everything the stack key's policy names. Every ARN is built from names (<see cref="AwsScope"/>), because
/// the resources are encrypted with the key and so are created after it.</summary>
public sealed record KeyPolicyInputs(
    AwsScope Scope,
    IReadOnlyList<string> LogGroupArns,
    string AlertTopicArn,
    IReadOnlyList<string> QueueArns,
    IReadOnlyList<string> AlarmArns,
    string? AuditTrailArn,
    string? CloudFrontDistributions)
{
    /// <summary>The EventBridge rule that forwards GuardDuty findings to the encrypted alert topic
    /// (<c>guardDuty: true</c>).</summary>
    public string? FindingsRuleArn { get; init; }

    /// <summary>AWS Config delivers to the stack's history bucket, encrypted with this key (<c>configRecorder:
    /// true</c>).</summary>
    public bool ConfigDelivery { get; init; }

    public static KeyPolicyInputs For(StackConfig config, AwsScope scope)
    {
        var (names, parts) = (config.Names, config.Parts);
        IEnumerable<string> alarms = AlarmDefinitions.For(config).Select(alarm => alarm.Name);
        if (parts.AuditTrail)
        {
            alarms = alarms.Concat(AuditTrailAlarms.For(names).Select(alarm => alarm.AlarmName));
        }

        return new KeyPolicyInputs(
            scope,
            parts.LogGroups(names).Select(scope.LogGroupArn).ToArray(),
            scope.TopicArn(names.AlertTopic),
            [scope.QueueArn(names.DeadLetterQueue), scope.QueueArn(names.RedriveQueue)],
            alarms.Select(scope.AlarmArn).ToArray(),
            parts.AuditTrail ? scope.TrailArn(names.AuditTrail) : null,
            parts.Cdn ? scope.CloudFrontDistributionsArn : null)
        {
            FindingsRuleArn = parts.GuardDuty ? scope.EventRuleArn(names.GuardDutyFindingsRule) : null,
            ConfigDelivery = parts.ConfigRecorder,
        };
    }
}

/// <summary>The stack key's policy: the account administers the key and may let its own IAM principals use it
/// (the role policies then grant exactly that); each AWS service that encrypts with it may use it only for this
/// stack's resources in this account. Key policies name their own key as <c>Resource "*"</c>.</summary>
public static class KeyPolicy
{
    public const string ThisKey = "*";

    /// <summary>Managing the key, never using it: what the account (through IAM) needs to run, rotate, tag,
    /// alias, delete it, and let DynamoDB and Lambda create grants on it when a table or function is created.</summary>
    public static IReadOnlyList<string> AdministrationActions { get; } =
    [
        "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus",
        "kms:EnableKeyRotation", "kms:DisableKeyRotation", "kms:ListKeyRotations", "kms:RotateKeyOnDemand",
        "kms:ListResourceTags", "kms:TagResource", "kms:UntagResource", "kms:CreateAlias", "kms:UpdateAlias",
        "kms:DeleteAlias", "kms:EnableKey", "kms:DisableKey", "kms:UpdateKeyDescription", "kms:ScheduleKeyDeletion",
        "kms:CancelKeyDeletion", "kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant", "kms:RetireGrant",
    ];

    /// <summary>What the account's IAM principals may be granted by IAM policy (the function roles get Decrypt and
    /// GenerateDataKey; a deployer encrypts function environments).</summary>
    public static IReadOnlyList<string> AccountUseActions { get; } =
        ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"];

    /// <summary>What CloudWatch Logs calls to encrypt and read a log group (AWS's documented set, spelled out).</summary>
    public static IReadOnlyList<string> LogsActions { get; } =
    [
        "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
        "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey",
    ];

    /// <summary>What a service publishing to or delivering from an encrypted topic or queue calls.</summary>
    public static IReadOnlyList<string> MessagingActions { get; } = ["kms:Decrypt", "kms:GenerateDataKey"];

    /// <summary>What CloudFront calls (through S3, with origin access control) to read SSE-KMS objects.</summary>
    public static IReadOnlyList<string> CloudFrontActions { get; } = ["kms:Decrypt"];

    /// <summary>What CloudTrail calls to encrypt its log files.</summary>
    public static IReadOnlyList<string> CloudTrailActions { get; } = ["kms:GenerateDataKey", "kms:DescribeKey"];

    public const string LogsEncryptionContextKey = "kms:EncryptionContext:aws:logs:arn";

    /// <summary>The statement that lets EventBridge deliver GuardDuty findings to the encrypted alert topic.</summary>
    public const string EventBridgeStatementSid = "EventBridgeFindingsToAlertTopic";

    public static string For(KeyPolicyInputs inputs)
    {
        var scope = inputs.Scope;
        var statements = new JsonArray
        {
            Statement("AccountAdministration", Account(scope), AdministrationActions, null),
            Statement("AccountUseThroughIamPolicies", Account(scope), AccountUseActions, null),
            // Logs names the log group in the encryption context of every call: this binds the key to this
            // stack's log groups (account and region included in each ARN).
            Statement("CloudWatchLogsForStackLogGroups", Service(scope.LogsServicePrincipal), LogsActions,
                new JsonObject
                {
                    ["ArnEquals"] = new JsonObject
                    {
                        [LogsEncryptionContextKey] = PolicyDocuments.Strings(inputs.LogGroupArns),
                    },
                }),
            Statement("SnsForAlertTopic", Service("sns.amazonaws.com"), MessagingActions,
                PolicyDocuments.SourceCondition(scope.AccountId, [inputs.AlertTopicArn])),
            Statement("SqsForStackQueues", Service("sqs.amazonaws.com"), MessagingActions,
                PolicyDocuments.SourceCondition(scope.AccountId, inputs.QueueArns)),
            // Alarms publish to the encrypted alert topic as CloudWatch itself.
            Statement("CloudWatchAlarmsToAlertTopic", Service("cloudwatch.amazonaws.com"), MessagingActions,
                PolicyDocuments.SourceCondition(scope.AccountId, inputs.AlarmArns)),
        };
        if (inputs.AuditTrailArn is { } trailArn)
        {
            statements.Add(Statement("CloudTrailForAuditTrail", Service(PolicyDocuments.CloudTrailServicePrincipal),
                CloudTrailActions, PolicyDocuments.SourceCondition(scope.AccountId, [trailArn])));
        }

        if (inputs.CloudFrontDistributions is { } distributions)
        {
            // The key is created before the distribution (every bucket is encrypted with it), so the policy cannot
            // name the distribution's generated id: it names this account's distributions. The processed bucket's
            // policy is what binds reads to this one distribution; without it no distribution reaches the objects.
            statements.Add(Statement("CloudFrontReadsProcessedData", Service(BucketPolicies.CloudFrontServicePrincipal),
                CloudFrontActions, new JsonObject
                {
                    ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = scope.AccountId },
                    ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = distributions },
                }));
        }

        // EventBridge publishes GuardDuty findings to the encrypted alert topic as itself. The KMS calls it makes for
        // that delivery carry neither aws:SourceArn nor aws:SourceAccount, so a condition on them never matches and
        // every finding is dropped (the rule's FailedInvocations rises). AWS's guidance for an encrypted SNS target
        // (EventBridge User Guide, "Using resource-based policies", Amazon SNS permissions; and "Why isn't my SNS
        // topic receiving EventBridge notifications") grants the service principal with no condition. The topic
        // policy is what binds publishing to this one rule (TopicPolicies.AlertTopic, aws:SourceArn).
        if (inputs.FindingsRuleArn is not null)
        {
            statements.Add(Statement(EventBridgeStatementSid, Service(PolicyDocuments.EventsServicePrincipal),
                MessagingActions, null));
        }

        // AWS Config encrypts what it delivers to the history bucket; it names no source ARN, only the account.
        if (inputs.ConfigDelivery)
        {
            statements.Add(Statement("ConfigDeliveryToHistoryBucket", Service(PolicyDocuments.ConfigServicePrincipal),
                MessagingActions, new JsonObject
                {
                    ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = scope.AccountId },
                }));
        }

        return PolicyDocuments.Document(statements);
    }

    private static JsonObject Account(AwsScope scope) => new() { ["AWS"] = scope.AccountRoot };

    private static JsonObject Service(string principal) => new() { ["Service"] = principal };

    private static JsonObject Statement(
        string sid, JsonObject principal, IReadOnlyList<string> actions, JsonObject? condition)
    {
        var statement = new JsonObject
        {
            ["Sid"] = sid,
            ["Effect"] = "Allow",
            ["Principal"] = principal,
            ["Action"] = PolicyDocuments.Strings(actions),
            ["Resource"] = ThisKey,
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }
}
