namespace OrdersPipeline.Functions;

/// <summary>
/// The Lambda handler strings of the deployment package (<c>assembly::type::method</c>), for Infra to set on the
/// functions. They name the Lambda layer's handler classes (Functions/Lambda), which map each event into this core;
/// a test there resolves each string against the built package by reflection.
/// </summary>
public static class Handlers
{
    /// <summary>The deployment package's assembly name, which is also its root namespace.</summary>
    public const string AssemblyName = "OrdersPipeline.Functions";

    /// <summary><c>Task&lt;StreamsEventResponse&gt; HandleAsync(DynamoDBEvent, ILambdaContext)</c>.</summary>
    public const string Processor = AssemblyName + "::" + AssemblyName + ".Processor.ProcessorFunction::HandleAsync";

    /// <summary><c>Task&lt;SQSBatchResponse&gt; HandleAsync(SQSEvent, ILambdaContext)</c>.</summary>
    public const string Audit = AssemblyName + "::" + AssemblyName + ".Audit.AuditFunction::HandleAsync";

    /// <summary><c>Task&lt;APIGatewayProxyResponse&gt; HandleAsync(APIGatewayProxyRequest, ILambdaContext)</c>.</summary>
    public const string HttpIngest =
        AssemblyName + "::" + AssemblyName + ".Ingest.Http.HttpIngestFunction::HandleAsync";

    /// <summary><c>Task HandleAsync(S3Event, ILambdaContext)</c>.</summary>
    public const string FileIngest =
        AssemblyName + "::" + AssemblyName + ".Ingest.Files.FileIngestFunction::HandleAsync";

    /// <summary><c>Task&lt;RemediationReport&gt; HandleAsync(CloudWatchEvent&lt;GuardDutyFinding&gt;, ILambdaContext)</c>
    /// (guardDuty: true).</summary>
    public const string Remediation =
        AssemblyName + "::" + AssemblyName + ".Remediation.RemediationFunction::HandleAsync";

    /// <summary>Every handler of the package.</summary>
    public static IReadOnlyList<string> All { get; } = [Processor, Audit, HttpIngest, FileIngest, Remediation];
}
