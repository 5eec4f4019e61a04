using System.Text.Json;

namespace OrdersPipeline.Infra.Tests;

/// <summary>One IAM or resource policy the program produced, and where.</summary>
internal sealed record ProducedPolicy(string Where, string Kind, string Json);

/// <summary>Checks a policy document: no wildcard action in an Allow, no <c>*</c> resource, <c>Principal "*"</c> only
/// to deny, and every statement for an AWS service principal bound to the source account or ARN. The places where
/// AWS requires otherwise are <see cref="Exceptions"/>, each with its reason; nothing else is let through.</summary>
internal static class PolicyLint
{
    public const string KeyPolicyKind = "key policy";
    public const string TrustPolicyKind = "trust policy";
    public const string RolePolicyKind = "role policy";

    /// <summary>Every allowed departure from the rules, and why AWS requires it.</summary>
    public static IReadOnlyDictionary<string, string> Exceptions { get; } = new Dictionary<string, string>
    {
        ["DenyInsecureTransport: Principal \"*\" and s3:* / sqs:*"] =
            "a Deny statement must cover every principal and every action of the service to refuse plain HTTP; it "
            + "grants nothing",
        ["key policy: Resource \"*\""] =
            "in a key policy \"*\" means the key the policy is attached to; KMS requires it",
        ["lambda.amazonaws.com trust without a source condition"] =
            "Lambda assumes an execution role without aws:SourceArn/aws:SourceAccount context, so such a condition "
            + "makes the role unusable; only a function that names the role (iam:PassRole) can use it",
        ["logs.<region>.amazonaws.com bound by kms:EncryptionContext:aws:logs:arn"] =
            "CloudWatch Logs names the log group ARN (account and region included) in the encryption context of every "
            + "call; that is AWS's documented way to bind a key to log groups",
        ["managed policy AWSXRayDaemonWriteAccess"] =
            "Lambda active tracing needs X-Ray write access, and X-Ray actions have no resource-level permissions",
        ["ManageFunctionNetworkInterfaces: the AWSLambdaVPCAccessExecutionRole actions on Resource \"*\" (vpc)"] =
            "Lambda manages a VPC function's network interfaces with its role, with the actions of the managed "
            + "AWSLambdaVPCAccessExecutionRole: DescribeNetworkInterfaces and DescribeSubnets only work on \"*\" (no "
            + "resource-level permissions), CreateNetworkInterface makes interfaces whose ARN does not exist yet, and "
            + "DeleteNetworkInterface and Assign/UnassignPrivateIpAddresses must cover every interface id Lambda made",
        ["EventBridgeFindingsToAlertTopic: events.amazonaws.com without a source condition (key policy, guardDuty)"] =
            "the KMS requests EventBridge makes to deliver to an encrypted SNS topic carry neither aws:SourceArn nor "
            + "aws:SourceAccount, so such a condition drops every finding; AWS's guidance for an encrypted SNS target "
            + "grants the principal alone, and the topic policy binds publishing to the one rule",
        ["managed policy AmazonAPIGatewayPushToCloudWatchLogs (apiGatewayAccountRole)"] =
            "API Gateway's account-level CloudWatch Logs role writes the execution and access logs of every REST API "
            + "in the region, to log groups API Gateway names itself; AWS maintains this policy for exactly that role",
        ["managed policy AWS_ConfigRole (configRecorder)"] =
            "the configuration recorder reads the configuration of every resource it records with Describe/List/Get "
            + "calls AWS maintains in this policy as Config adds resource types; it grants no write",
    };

    private static readonly string[] SourceKeys = ["aws:SourceAccount", "aws:SourceArn"];

    public static IReadOnlyList<string> Check(ProducedPolicy policy)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(policy.Json);
        foreach (var statement in document.RootElement.GetProperty("Statement").EnumerateArray())
        {
            var where = $"{policy.Where} ({policy.Kind}) statement {Sid(statement)}";
            var effect = statement.GetProperty("Effect").GetString();
            var actions = Strings(statement, "Action");
            var resources = Strings(statement, "Resource");
            var condition = statement.TryGetProperty("Condition", out var c) ? c.GetRawText() : string.Empty;
            var principal = statement.TryGetProperty("Principal", out var p) ? p : (JsonElement?)null;

            if (statement.TryGetProperty("NotAction", out _) || statement.TryGetProperty("NotResource", out _)
                || statement.TryGetProperty("NotPrincipal", out _))
            {
                problems.Add($"{where}: uses a Not* element");
            }

            var isTlsDeny = effect == "Deny" && Sid(statement) == "DenyInsecureTransport"
                            && condition == """{"Bool":{"aws:SecureTransport":"false"}}"""
                            && actions is ["s3:*"] or ["sqs:*"];
            if (actions.Any(action => action.Contains('*')) && !isTlsDeny)
            {
                problems.Add($"{where}: wildcard action {string.Join(",", actions)}");
            }

            if (resources.Contains("*") && policy.Kind != KeyPolicyKind && !IsNetworkInterfaces(policy, statement, actions))
            {
                problems.Add($"{where}: Resource \"*\"");
            }

            if (principal is { ValueKind: JsonValueKind.String } && !isTlsDeny)
            {
                problems.Add($"{where}: Principal \"*\" outside the TLS-only deny");
            }

            var service = principal is { ValueKind: JsonValueKind.Object } && principal.Value.TryGetProperty("Service", out var s)
                ? s.GetString()
                : null;
            if (service is not null && effect == "Allow" && !SourceKeys.Any(condition.Contains)
                && !IsLambdaTrust(policy, service, actions)
                && !IsEventBridgeToEncryptedTopic(policy, statement, service, actions)
                && !(service.StartsWith("logs.", StringComparison.Ordinal)
                     && condition.Contains("kms:EncryptionContext:aws:logs:arn", StringComparison.Ordinal)))
            {
                problems.Add($"{where}: service principal {service} without aws:SourceAccount or aws:SourceArn");
            }
        }

        return problems;
    }

    // Exactly the ENI statement of a function role in the VPC (PolicyDocuments.NetworkInterfacesStatement).
    private static bool IsNetworkInterfaces(ProducedPolicy policy, JsonElement statement, IReadOnlyList<string> actions) =>
        policy.Kind == RolePolicyKind && Sid(statement) == "ManageFunctionNetworkInterfaces"
        && statement.GetProperty("Effect").GetString() == "Allow" && !statement.TryGetProperty("Condition", out _)
        && actions is
        [
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
        ];

    // Exactly the key policy statement that lets EventBridge deliver findings to the encrypted alert topic
    // (KeyPolicy.EventBridgeStatementSid).
    private static bool IsEventBridgeToEncryptedTopic(
        ProducedPolicy policy, JsonElement statement, string service, IReadOnlyList<string> actions) =>
        policy.Kind == KeyPolicyKind && service == "events.amazonaws.com"
        && Sid(statement) == "EventBridgeFindingsToAlertTopic" && actions is ["kms:Decrypt", "kms:GenerateDataKey"];

    private static bool IsLambdaTrust(ProducedPolicy policy, string service, IReadOnlyList<string> actions) =>
        policy.Kind == TrustPolicyKind && service == "lambda.amazonaws.com" && actions is ["sts:AssumeRole"];

    private static string Sid(JsonElement statement) =>
        statement.TryGetProperty("Sid", out var sid) ? sid.GetString() ?? "(no Sid)" : "(no Sid)";

    private static IReadOnlyList<string> Strings(JsonElement statement, string name) =>
        !statement.TryGetProperty(name, out var element) ? []
        : element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.GetString()!).ToArray()
        : [element.GetString()!];
}
