using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Remediation;

namespace OrdersPipeline.Functions;

/// <summary>
/// The Lambda handler strings of this package (<c>assembly::type::method</c>), for Infra to set on the functions. A
/// test resolves each against the built assembly by reflection.
/// </summary>
public static class Handlers
{
    /// <summary>The assembly name, which is also the root namespace.</summary>
    public const string AssemblyName = "OrdersPipeline.Functions";

    /// <summary><c>Task&lt;StreamsEventResponse&gt; HandleAsync(DynamoDBEvent, ILambdaContext)</c>.</summary>
    public const string Processor =
        AssemblyName + "::" + AssemblyName + "." + nameof(Functions.Processor) + "." + nameof(ProcessorFunction) +
        "::" + nameof(ProcessorFunction.HandleAsync);

    /// <summary><c>Task&lt;SQSBatchResponse&gt; HandleAsync(SQSEvent, ILambdaContext)</c>.</summary>
    public const string Audit =
        AssemblyName + "::" + AssemblyName + "." + nameof(Functions.Audit) + "." + nameof(AuditFunction) + "::" +
        nameof(AuditFunction.HandleAsync);

    /// <summary><c>Task&lt;APIGatewayProxyResponse&gt; HandleAsync(APIGatewayProxyRequest, ILambdaContext)</c>.</summary>
    public const string HttpIngest =
        AssemblyName + "::" + AssemblyName + "." + nameof(Functions.Ingest) + "." + nameof(Functions.Ingest.Http) + "." +
        nameof(HttpIngestFunction) + "::" + nameof(HttpIngestFunction.HandleAsync);

    /// <summary><c>Task HandleAsync(S3Event, ILambdaContext)</c>.</summary>
    public const string FileIngest =
        AssemblyName + "::" + AssemblyName + "." + nameof(Functions.Ingest) + "." + nameof(Functions.Ingest.Files) + "." +
        nameof(FileIngestFunction) + "::" + nameof(FileIngestFunction.HandleAsync);

    /// <summary><c>Task&lt;RemediationReport&gt; HandleAsync(CloudWatchEvent&lt;GuardDutyFinding&gt;, ILambdaContext)</c>
    /// (guardDuty: true).</summary>
    public const string Remediation =
        AssemblyName + "::" + AssemblyName + "." + nameof(Functions.Remediation) + "." + nameof(RemediationFunction) +
        "::" + nameof(RemediationFunction.HandleAsync);

    /// <summary>Every handler of the package.</summary>
    public static IReadOnlyList<string> All { get; } = [Processor, Audit, HttpIngest, FileIngest, Remediation];
}
