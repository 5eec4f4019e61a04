using System.Text.Json.Serialization;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Remediation;

namespace OrdersPipeline.Functions.Serialization;

/// <summary>
/// Source-generated serialization for the core's own JSON: the on-failure record a DLQ message carries, the HTTP
/// door's answers, and the GuardDuty finding and report of the remediation function. No reflection at run time.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OnFailureRecord))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(OrderReceipt))]
[JsonSerializable(typeof(GuardDutyFinding))]
[JsonSerializable(typeof(RemediationReport))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
