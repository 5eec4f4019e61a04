using System.Text.Json.Serialization;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.CloudWatchEvents;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.S3Events;
using Amazon.Lambda.SQSEvents;
using OrdersPipeline.Functions.Remediation;

namespace OrdersPipeline.Functions.Serialization;

/// <summary>
/// Source-generated serialization for every type that crosses the Lambda boundary: the package events and responses,
/// and the core types inside them (the GuardDuty finding in the EventBridge event, the remediation report). No
/// reflection at run time. The core's own JSON (on-failure records, the HTTP door's bodies) uses
/// <see cref="CoreJsonContext"/>. Both partial-batch responses nest a type named <c>BatchItemFailure</c>, so each
/// gets its own property name here.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(StreamsEventResponse), TypeInfoPropertyName = "StreamsEventResponse")]
[JsonSerializable(typeof(StreamsEventResponse.BatchItemFailure), TypeInfoPropertyName = "StreamsEventBatchItemFailure")]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse), TypeInfoPropertyName = "SQSBatchResponse")]
[JsonSerializable(typeof(SQSBatchResponse.BatchItemFailure), TypeInfoPropertyName = "SQSBatchItemFailure")]
// Ingest (docs/ingest.md): the API Gateway proxy event and response, the S3 notification.
[JsonSerializable(typeof(APIGatewayProxyRequest))]
[JsonSerializable(typeof(APIGatewayProxyResponse))]
[JsonSerializable(typeof(S3Event))]
// Remediation (guardDuty: true): the EventBridge event around a GuardDuty finding, and the function's report.
[JsonSerializable(typeof(CloudWatchEvent<GuardDutyFinding>), TypeInfoPropertyName = "GuardDutyFindingEvent")]
[JsonSerializable(typeof(GuardDutyFinding))]
[JsonSerializable(typeof(RemediationReport))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext;
