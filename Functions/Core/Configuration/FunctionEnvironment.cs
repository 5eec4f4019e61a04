namespace OrdersPipeline.Functions.Configuration;

/// <summary>A required text variable: Infra sets it to a resource name known only at deploy time.</summary>
public sealed record RequiredVariable(string Name);

/// <summary>An optional text variable with the value the handler uses when it is unset.</summary>
public sealed record TextVariable(string Name, string Default);

/// <summary>An optional whole-number variable, its default and its inclusive range. Infra's config keys that feed it
/// take the same default and range, so a value the stack accepts is one the function accepts.</summary>
public sealed record IntVariable(string Name, int Default, int Min, int Max);

/// <summary>An optional true/false variable and the value the handler uses when it is unset.</summary>
public sealed record BoolVariable(string Name, bool Default);

/// <summary>The processor's environment: the one contract between Infra, which sets it, and the handler, which
/// reads it at cold start.</summary>
public static class ProcessorEnvironment
{
    public static readonly RequiredVariable BucketName = new("BUCKET_NAME");
    public static readonly TextVariable KeyAttribute = new("KEY_ATTRIBUTE", "orderId");
    public static readonly TextVariable KeyPrefix = new("KEY_PREFIX", "processed-data");
    public static readonly IntVariable MaxConcurrency = new("MAX_CONCURRENCY", Default: 16, Min: 1, Max: 256);

    /// <summary>Conditional S3 writes (<c>true</c> or <c>false</c>): docs/contracts.md, "Conditional writes".</summary>
    public static readonly BoolVariable ConditionalWrites = new("CONDITIONAL_WRITES", Default: true);
}

/// <summary>The audit function's environment.</summary>
public static class AuditEnvironment
{
    public static readonly RequiredVariable AuditTableName = new("AUDIT_TABLE_NAME");
}

/// <summary>The GuardDuty remediation function's environment (guardDuty: true). It acts only on findings about these
/// resources; its report reaches the alert topic through the function's asynchronous-invocation destinations.</summary>
public static class RemediationEnvironment
{
    /// <summary>The processed bucket, whose public access block the function turns back on.</summary>
    public static readonly RequiredVariable ProcessedBucketName = new("PROCESSED_BUCKET_NAME");

    /// <summary>The stack's function roles, comma-separated: access-key findings on them are recorded.</summary>
    public static readonly RequiredVariable RoleNames = new("STACK_ROLE_NAMES");

    /// <summary>Where recorded findings go (the audit table, failure type <c>security-finding</c>).</summary>
    public static readonly RequiredVariable AuditTableName = new("AUDIT_TABLE_NAME");
}

/// <summary>Both functions' metrics (CloudWatch Embedded Metric Format): the namespace, and the Environment dimension.
/// The Function dimension is the function's name, which Lambda sets
/// (<see cref="AwsEnvironment.FunctionName"/>).</summary>
public static class MetricsEnvironment
{
    public static readonly TextVariable Namespace = new("METRICS_NAMESPACE", "OrdersPipeline");
    public static readonly TextVariable EnvironmentName = new("ENVIRONMENT", "unknown");
}

/// <summary>Variables the AWS SDK or the Lambda runtime define, which the functions read but Infra does not
/// set.</summary>
public static class AwsEnvironment
{
    /// <summary>An endpoint override for every service (an emulator).</summary>
    public const string EndpointUrl = "AWS_ENDPOINT_URL";

    /// <summary>The function's name, set by the Lambda runtime.</summary>
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";

    /// <summary>An endpoint override for one service, e.g. <c>AWS_ENDPOINT_URL_S3</c>.</summary>
    public static string ServiceEndpointUrl(string service) => $"{EndpointUrl}_{service}";
}
