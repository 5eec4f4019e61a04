using System.Text.Json.Serialization;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.CloudWatchEvents;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.S3Events;
using Amazon.Lambda.SQSEvents;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Remediation;

namespace OrdersPipeline.Functions.Serialization;

/// <summary>
/// Source-generated serialization for every type that crosses a boundary: no reflection at run time. Both partial-batch
/// responses nest a type named <c>BatchItemFailure</c>, so each gets its own property name here.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(StreamsEventResponse), TypeInfoPropertyName = "StreamsEventResponse")]
[JsonSerializable(typeof(StreamsEventResponse.BatchItemFailure), TypeInfoPropertyName = "StreamsEventBatchItemFailure")]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse), TypeInfoPropertyName = "SQSBatchResponse")]
[JsonSerializable(typeof(SQSBatchResponse.BatchItemFailure), TypeInfoPropertyName = "SQSBatchItemFailure")]
[JsonSerializable(typeof(OnFailureRecord))]
// Ingest (docs/ingest.md): the API Gateway proxy event and response, the S3 notification, problem details.
[JsonSerializable(typeof(APIGatewayProxyRequest))]
[JsonSerializable(typeof(APIGatewayProxyResponse))]
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(OrderReceipt))]
// Remediation (guardDuty: true): the EventBridge event around a GuardDuty finding, and the function's report.
[JsonSerializable(typeof(CloudWatchEvent<GuardDutyFinding>), TypeInfoPropertyName = "GuardDutyFindingEvent")]
[JsonSerializable(typeof(GuardDutyFinding))]
[JsonSerializable(typeof(RemediationReport))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext;
