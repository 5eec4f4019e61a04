namespace OrdersPipeline.Infra.Tests;

/// <summary>The identifiers the mocks hand out, so tests can name the exact ARNs a policy must hold.</summary>
internal static class MockAws
{
    public const string AccountId = "123456789012";
    public const string Region = "us-east-1";
    public const string StreamLabel = "2026-01-01T00:00:00.000";

    public static string TableArn(string name) => $"arn:aws:dynamodb:{Region}:{AccountId}:table/{name}";
    public static string StreamArn(string tableName) => $"{TableArn(tableName)}/stream/{StreamLabel}";
    public static string BucketArn(string name) => $"arn:aws:s3:::{name}";
    public static string BucketRegionalDomainName(string name) => $"{name}.s3.{Region}.amazonaws.com";
    public static string QueueArn(string name) => $"arn:aws:sqs:{Region}:{AccountId}:{name}";
    public static string QueueUrl(string name) => $"https://sqs.{Region}.amazonaws.com/{AccountId}/{name}";
    public static string FunctionArn(string name) => $"arn:aws:lambda:{Region}:{AccountId}:function:{name}";
    public static string RoleArn(string name) => $"arn:aws:iam::{AccountId}:role/{name}";
    public static string LogGroupArn(string name) => $"arn:aws:logs:{Region}:{AccountId}:log-group:{name}";
    public static string TopicArn(string name) => $"arn:aws:sns:{Region}:{AccountId}:{name}";
    public static string AlarmArn(string name) => $"arn:aws:cloudwatch:{Region}:{AccountId}:alarm:{name}";
    public static string KeyId(string logicalName) => $"{logicalName}-key-id";
    public static string KeyArn(string logicalName) => $"arn:aws:kms:{Region}:{AccountId}:key/{KeyId(logicalName)}";
    public static string TrailArn(string name) => $"arn:aws:cloudtrail:{Region}:{AccountId}:trail/{name}";
    public const string ApiKeyValue = "generated-api-key-value-that-must-not-leak";
    public static string EventRuleArn(string name) => $"arn:aws:events:{Region}:{AccountId}:rule/{name}";
    public static string ConfigRuleArn(string name) => $"arn:aws:config:{Region}:{AccountId}:config-rule/{name}";

    /// <summary>The id GuardDuty gives the detector the stack creates.</summary>
    public const string DetectorId = "12abc34d567e8fa901bc2d34e56789f0";
    public static string SecretArn(string name) => $"arn:aws:secretsmanager:{Region}:{AccountId}:secret:{name}-AbCdEf";


    // Private network: the zones the lookup returns (three, not in name order: the stack takes the first two it returns), an existing VPC's range,
    // and the prefix list of a gateway endpoint service.
    public static readonly string[] AvailabilityZones = ["us-east-1d", "us-east-1f", "us-east-1a"];
    public const string ExistingVpcCidr = "172.31.0.0/16";
    public static string PrefixListId(string serviceName) => $"pl-{serviceName.Split('.')[^1]}";

    // Ingest: the REST API's computed identifiers.
    public const string RestApiId = "a1b2c3d4e5";
    public const string RootResourceId = "rootres01";
    public static string ExecutionArn(string apiId) => $"arn:aws:execute-api:{Region}:{AccountId}:{apiId}";
    public static string InvokeUrl(string apiId, string stage) => $"https://{apiId}.execute-api.{Region}.amazonaws.com/{stage}";
    public static string StageArn(string apiId, string stage) => $"arn:aws:apigateway:{Region}::/restapis/{apiId}/stages/{stage}";
    public static string WebAclArn(string name) => $"arn:aws:wafv2:{Region}:{AccountId}:regional/webacl/{name}/{WafId}";
    public static string IpSetArn(string name) => $"arn:aws:wafv2:{Region}:{AccountId}:regional/ipset/{name}/{WafId}";
    private const string WafId = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
    public static string InvokeArn(string functionArn) =>
        $"arn:aws:apigateway:{Region}:lambda:path/2015-03-31/functions/{functionArn}/invocations";


    // CDN: the distribution's generated identifiers (CloudFront is global: no region in the ARN).
    public const string DistributionId = "E2QWRUHEXAMPLE";
    public const string DistributionArn = $"arn:aws:cloudfront::{AccountId}:distribution/{DistributionId}";
    public const string DistributionDomainName = "d111111abcdef8.cloudfront.net";
}
