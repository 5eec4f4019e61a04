namespace OrdersPipeline.Functions.Audit;

/// <summary>The <c>failureType</c> values written to the audit table besides Lambda's own conditions.</summary>
public static class FailureTypes
{
    /// <summary>The audit item attribute that holds the failure type.</summary>
    public const string AttributeName = "failureType";

    /// <summary>The message body is not a Lambda on-failure record; the raw body is kept.</summary>
    public const string UnparseableMessage = "UnparseableMessage";

    /// <summary>An on-failure record without <c>requestContext.condition</c>.</summary>
    public const string Unknown = "Unknown";

    /// <summary>An asynchronous invocation with an S3 notification (the file ingest function) that failed every
    /// attempt; Lambda's own condition stays in <c>condition</c> (docs/contracts.md, "S3 invocation record").</summary>
    public const string S3InvocationFailed = "S3InvocationFailed";

    /// <summary>Not a failure of the pipeline: a GuardDuty access-key finding on one of the stack's roles, stored by
    /// the remediation function (docs/contracts.md, "Security finding item").</summary>
    public const string SecurityFinding = "security-finding";
}
