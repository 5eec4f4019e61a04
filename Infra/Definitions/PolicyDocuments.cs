using System.Text.Json.Nodes;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>IAM documents as JSON, built from resource ARNs. Each role policy holds exactly the statements listed in
/// docs/architecture.md "Policies": the actions its function calls, on the resources it touches.</summary>
public static class PolicyDocuments
{
    public const string Version = "2012-10-17";
    public const string LambdaServicePrincipal = "lambda.amazonaws.com";
    public const string CloudTrailServicePrincipal = "cloudtrail.amazonaws.com";

    /// <summary>Lambda refuses active tracing unless the role may write traces; X-Ray has no resource-level
    /// permissions, so the AWS managed policy is attached instead of widening the inline policy.</summary>
    public const string TracingManagedPolicyArn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";

    /// <param name="conditionalWrites">processorConditionalWrites: the processor then also reads its objects (HEAD, and
    /// GET of an object without the sequence-number metadata) after a failed condition.</param>
    public static IReadOnlyList<PolicyStatement> ProcessorStatements(
        string streamArn, string bucketArn, string deadLetterQueueArn, string logGroupArn, bool conditionalWrites) =>
    [
        new("ReadOrdersStream",
            ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
            [streamArn]),
        new("WriteProcessedObjects", ["s3:PutObject"], [$"{bucketArn}/{PipelineDefaults.ProcessedKeyPrefix}/*"]),
        .. conditionalWrites
            ? [new PolicyStatement("ReadProcessedObjects", ["s3:GetObject"],
                [$"{bucketArn}/{PipelineDefaults.ProcessedKeyPrefix}/*"])]
            : Array.Empty<PolicyStatement>(),
        new("SendFailedBatchesToDeadLetterQueue", ["sqs:SendMessage"], [deadLetterQueueArn]),
        OwnLogsStatement(logGroupArn),
    ];

    public static IReadOnlyList<PolicyStatement> AuditStatements(
        string auditTableArn, string deadLetterQueueArn, string logGroupArn) =>
    [
        // The audit function only ever puts (conditionally, so a redelivered message finds its item).
        new("WriteAuditRecords", ["dynamodb:PutItem"], [auditTableArn]),
        new("ConsumeDeadLetterQueue",
            ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
            [deadLetterQueueArn]),
        OwnLogsStatement(logGroupArn),
    ];

    /// <summary>What a role that reads or writes data encrypted with the stack key needs: decrypt what it reads and
    /// make data keys for what it writes, on that one key. Exact actions, not <c>kms:GenerateDataKey*</c>: the
    /// services these roles call (S3, SQS, DynamoDB streams, Lambda) only ever ask for GenerateDataKey.</summary>
    public static PolicyStatement StackKeyStatement(string keyArn) =>
        new("UseStackKey", ["kms:Decrypt", "kms:GenerateDataKey"], [keyArn]);

    /// <summary><paramref name="statements"/> plus <see cref="StackKeyStatement"/> when the stack has a key.</summary>
    public static IReadOnlyList<PolicyStatement> WithStackKey(IReadOnlyList<PolicyStatement> statements, string? keyArn) =>
        string.IsNullOrEmpty(keyArn) ? statements : [.. statements, StackKeyStatement(keyArn)];

    public static string ProcessorPolicy(
        string streamArn, string bucketArn, string deadLetterQueueArn, string logGroupArn, bool conditionalWrites) =>
        RolePolicy(ProcessorStatements(streamArn, bucketArn, deadLetterQueueArn, logGroupArn, conditionalWrites));

    public static string AuditPolicy(string auditTableArn, string deadLetterQueueArn, string logGroupArn) =>
        RolePolicy(AuditStatements(auditTableArn, deadLetterQueueArn, logGroupArn));

    // Ingest (docs/ingest.md, "Permissions").

    /// <summary>The HTTP ingest function only ever writes single orders, conditionally.</summary>
    public static IReadOnlyList<PolicyStatement> HttpIngestStatements(string ordersTableArn, string logGroupArn) =>
    [
        new("WriteOrders", ["dynamodb:PutItem", "dynamodb:UpdateItem"], [ordersTableArn]),
        OwnLogsStatement(logGroupArn),
    ];

    public static IReadOnlyList<PolicyStatement> FileIngestStatements(string ordersTableArn, string ingestLogTableArn,
        string dropBucketArn, string deadLetterQueueArn, string logGroupArn) =>
    [
        // GetObjectVersion: the function reads exactly the version the notification names.
        new("ReadDroppedFiles", ["s3:GetObject", "s3:GetObjectVersion"],
            [$"{dropBucketArn}/{PipelineDefaults.DropIncomingPrefix}*"]),
        new("WriteRejectsFiles", ["s3:PutObject"], [$"{dropBucketArn}/{PipelineDefaults.DropRejectsPrefix}*"]),
        new("WriteOrders", ["dynamodb:BatchWriteItem"], [ordersTableArn]),
        new("WriteIngestLog", ["dynamodb:PutItem"], [ingestLogTableArn]),
        // Lambda sends the on-failure record of an asynchronous invocation with the function's role.
        new("SendFailedEventsToDeadLetterQueue", ["sqs:SendMessage"], [deadLetterQueueArn]),
        OwnLogsStatement(logGroupArn),
    ];

    // Threat detection (docs/edge-and-network.md).
    public const string EventsServicePrincipal = "events.amazonaws.com";
    public const string ConfigServicePrincipal = "config.amazonaws.com";

    /// <summary>The AWS managed policy of a configuration recorder's role: read-only Describe/List/Get calls on the
    /// resources Config records, which no inline policy could list ahead of time.</summary>
    public const string ConfigRoleManagedPolicyArn = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole";

    /// <summary>The remediation function (guardDuty: true) turns the processed bucket's public access block back on,
    /// records findings in the audit table, and reports to the alert topic through its asynchronous-invocation
    /// destinations, which Lambda delivers with the function's role.</summary>
    public static IReadOnlyList<PolicyStatement> RemediationStatements(
        string processedBucketArn, string auditTableArn, string alertTopicArn, string logGroupArn) =>
    [
        new("RestoreProcessedBucketPublicAccessBlock",
            ["s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"], [processedBucketArn]),
        new("RecordSecurityFindings", ["dynamodb:PutItem"], [auditTableArn]),
        new("ReportToAlertTopic", ["sns:Publish"], [alertTopicArn]),
        OwnLogsStatement(logGroupArn),
    ];

    /// <summary>Lets AWS Config assume the recorder's role, on behalf of this account only.</summary>
    public static string ConfigTrustPolicy(string accountId) =>
        TrustPolicy(ConfigServicePrincipal, new JsonObject
        {
            ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId },
        });

    /// <summary>The recorder's role delivers configuration history and snapshots to this account's prefix of the
    /// stack's history bucket (Config checks the bucket ACL first).</summary>
    public static IReadOnlyList<PolicyStatement> ConfigDeliveryStatements(string bucketArn, string accountId) =>
    [
        new("CheckHistoryBucketAcl", ["s3:GetBucketAcl"], [bucketArn]),
        new("DeliverConfigurationHistory", ["s3:PutObject"], [ConfigDeliveryObjects(bucketArn, accountId)]),
    ];

    /// <summary>Where AWS Config writes in its delivery bucket (no key prefix): <c>AWSLogs/&lt;account&gt;/Config/</c>.</summary>
    public static string ConfigDeliveryObjects(string bucketArn, string accountId) =>
        $"{bucketArn}/AWSLogs/{accountId}/Config/*";

    public const string ApiGatewayServicePrincipal = "apigateway.amazonaws.com";
    public const string S3ServicePrincipal = "s3.amazonaws.com";

    /// <summary>The AWS managed policy API Gateway's account-wide CloudWatch role carries (log groups it names
    /// itself, so it cannot be narrowed here).</summary>
    public const string ApiGatewayPushToCloudWatchLogsPolicyArn =
        "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";

    /// <summary>Lets API Gateway assume the role, and nothing else.</summary>
    public static string ApiGatewayTrustPolicy() => TrustPolicy(ApiGatewayServicePrincipal);

    public static string RolePolicy(IReadOnlyList<PolicyStatement> statements)
    {
        if (statements.SelectMany(statement => statement.Actions).Any(action => action.Contains('*')))
        {
            throw new ArgumentException("A role policy may not hold a wildcard action.", nameof(statements));
        }

        var array = new JsonArray();
        foreach (var statement in statements)
        {
            array.Add(new JsonObject
            {
                ["Sid"] = statement.Sid,
                ["Effect"] = "Allow",
                ["Action"] = Strings(statement.Actions),
                ["Resource"] = Strings(statement.Resources),
            });
        }

        return Document(array);
    }

    /// <summary>Lets Lambda assume the role, and nothing else.</summary>
    public static string LambdaTrustPolicy() => TrustPolicy(LambdaServicePrincipal);

    /// <summary>Lets CloudTrail assume the role that delivers one trail to CloudWatch Logs, for that trail only.</summary>
    public static string CloudTrailTrustPolicy(string trailArn, string accountId) =>
        TrustPolicy(CloudTrailServicePrincipal, SourceCondition(accountId, [trailArn]));

    /// <summary>The trail's delivery role writes log streams of the trail's log group and nothing else.</summary>
    public static IReadOnlyList<PolicyStatement> AuditTrailDeliveryStatements(string logGroupArn) =>
        [new("DeliverTrailEvents", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"{logGroupArn}:*"])];

    /// <summary>The service that delivers AWS "vended" logs (WAF's among them) to CloudWatch Logs.</summary>
    public const string LogDeliveryServicePrincipal = "delivery.logs.amazonaws.com";

    /// <summary>The WAF log group's resource policy: log delivery may create streams in and write to this one log
    /// group, on behalf of this account's delivery sources only (the statement AWS documents for vended logs; the
    /// source ARN is a pattern because CloudWatch Logs names the delivery source).</summary>
    public static string WafLogDeliveryPolicy(string logGroupArn, AwsScope scope) =>
        Document(new JsonArray
        {
            ServiceStatement("WafLogDelivery", LogDeliveryServicePrincipal,
                Strings(["logs:CreateLogStream", "logs:PutLogEvents"]), Strings([$"{logGroupArn}:log-stream:*"]),
                SourcePatternCondition(scope.AccountId, scope.AnyLogsResourceArn)),
        });

    // Private network (vpc: true, docs/edge-and-network.md).

    public const string VpcFlowLogsServicePrincipal = "vpc-flow-logs.amazonaws.com";

    /// <summary>The only <c>Resource "*"</c> in a role policy, listed with its reason in the policy lint's exceptions:
    /// <c>ec2:DescribeNetworkInterfaces</c> and <c>ec2:DescribeSubnets</c> have no resource-level permissions (AWS:
    /// "only works if it's allowed on all resources"), Lambda calls <c>ec2:CreateNetworkInterface</c> for interfaces
    /// whose ARN does not exist yet, and the delete and the private-address calls must cover every interface id
    /// Lambda may have made.</summary>
    public const string NetworkInterfacesResource = "*";

    /// <summary>What Lambda does with the function's role to put it in the VPC, and nothing else: the actions of AWS's
    /// managed AWSLambdaVPCAccessExecutionRole, which Lambda's VPC documentation lists for the execution role: create,
    /// describe and delete the function's network interfaces, assign and unassign their private addresses, and
    /// describe the subnets (docs/edge-and-network.md).</summary>
    public static PolicyStatement NetworkInterfacesStatement { get; } = new("ManageFunctionNetworkInterfaces",
        [
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
        ],
        [NetworkInterfacesResource]);

    /// <summary><paramref name="statements"/> plus <see cref="NetworkInterfacesStatement"/> when the function runs
    /// in the VPC.</summary>
    public static IReadOnlyList<PolicyStatement> WithNetworkInterfaces(
        IReadOnlyList<PolicyStatement> statements, bool inVpc) =>
        inVpc ? [.. statements, NetworkInterfacesStatement] : statements;

    /// <summary>Lets VPC Flow Logs assume the delivery role, for flow logs of this account only (the flow log id is
    /// not known before the flow log exists, so any flow log of the account and region, as AWS documents).</summary>
    public static string VpcFlowLogsTrustPolicy(AwsScope scope) =>
        TrustPolicy(VpcFlowLogsServicePrincipal, SourcePatternCondition(scope.AccountId, scope.FlowLogArnPattern));

    /// <summary>The flow log's delivery role writes log streams of its own log group and nothing else. The group
    /// exists before the flow log, so logs:CreateLogGroup and logs:DescribeLogGroups (in AWS's example, for a
    /// group the service would create) are not granted.</summary>
    public static IReadOnlyList<PolicyStatement> VpcFlowLogsDeliveryStatements(string logGroupArn) =>
    [
        new("DeliverFlowLogs", ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            [$"{logGroupArn}:*"]),
    ];

    /// <summary>Denies every request to the bucket and its objects that does not use TLS.</summary>
    public static string TlsOnlyBucketPolicy(string bucketArn) =>
        Document(new JsonArray { TlsOnlyBucketStatement(bucketArn) });

    internal static JsonObject TlsOnlyBucketStatement(string bucketArn) =>
        DenyInsecureTransportStatement("s3:*", [bucketArn, $"{bucketArn}/*"]);

    /// <summary>An Allow statement for an AWS service principal, with the keys in the order every policy here uses;
    /// a missing <paramref name="sid"/>, <paramref name="resource"/> or <paramref name="condition"/> is left out.</summary>
    internal static JsonObject ServiceStatement(
        string? sid, string service, JsonNode action, JsonNode? resource = null, JsonObject? condition = null)
    {
        var statement = new JsonObject();
        if (sid is not null)
        {
            statement["Sid"] = sid;
        }

        statement["Effect"] = "Allow";
        statement["Principal"] = new JsonObject { ["Service"] = service };
        statement["Action"] = action;
        if (resource is not null)
        {
            statement["Resource"] = resource;
        }

        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    /// <summary>Lets <paramref name="service"/> assume the role and nothing else, on the condition's terms when there
    /// is one.</summary>
    private static string TrustPolicy(string service, JsonObject? condition = null) =>
        Document(new JsonArray { ServiceStatement(null, service, "sts:AssumeRole", condition: condition) });

    /// <summary>A confused-deputy guard for a service principal: only on behalf of this account and these ARNs.</summary>
    internal static JsonObject SourceCondition(string accountId, IReadOnlyList<string> sourceArns) => new()
    {
        ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId },
        ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = Strings(sourceArns) },
    };

    /// <summary>As <see cref="SourceCondition"/>, for sources named by a pattern (their ids exist only later).</summary>
    internal static JsonObject SourcePatternCondition(string accountId, string sourceArnPattern) => new()
    {
        ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId },
        ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = sourceArnPattern },
    };

    /// <summary>Denies every request to the queue that does not use TLS.</summary>
    public static string TlsOnlyQueuePolicy(string queueArn) => DenyInsecureTransport("sqs:*", [queueArn]);

    /// <summary>Log streams of one log group (<c>&lt;group ARN&gt;:*</c>); the group ARN comes without the suffix.</summary>
    private static PolicyStatement OwnLogsStatement(string logGroupArn) =>
        new("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"{logGroupArn}:*"]);

    private static string DenyInsecureTransport(string serviceActions, IReadOnlyList<string> resources) =>
        Document(new JsonArray { DenyInsecureTransportStatement(serviceActions, resources) });

    private static JsonObject DenyInsecureTransportStatement(string serviceActions, IReadOnlyList<string> resources) =>
        new()
        {
            ["Sid"] = "DenyInsecureTransport",
            ["Effect"] = "Deny",
            ["Principal"] = "*",
            ["Action"] = serviceActions,
            ["Resource"] = Strings(resources),
            ["Condition"] = new JsonObject
            {
                ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" },
            },
        };

    internal static string Document(JsonArray statements) =>
        new JsonObject { ["Version"] = Version, ["Statement"] = statements }.ToJsonString();

    internal static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
