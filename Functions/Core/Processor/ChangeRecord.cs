using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// One record of a DynamoDB stream batch, as the processor reads it: the AWS SDK's <see cref="Record"/> (the model the
/// SDK's DynamoDB Streams client returns, so tests can feed records exactly as DynamoDB Streams produces them), and
/// the ARN of the stream it came from, which Lambda's event carries on every record and the Streams API per stream.
/// </summary>
public sealed record ChangeRecord(Record Record, string? EventSourceArn);
