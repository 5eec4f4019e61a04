using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// A record's <c>dynamodb</c> section as <see cref="RawStreamRecordConverter"/> reads it: the package's
/// <see cref="DynamoDBEvent.StreamRecord"/> with its scalar fields set, and the key and images kept as the DynamoDB
/// JSON they arrived as (the package's dictionaries stay null). The creation time is also kept as the exact epoch
/// seconds sent, which a <see cref="DateTime"/> built through a double can be a tick off from.
/// </summary>
public sealed class RawStreamRecord : DynamoDBEvent.StreamRecord
{
    public JsonElement? RawKeys { get; set; }

    public JsonElement? RawNewImage { get; set; }

    public JsonElement? RawOldImage { get; set; }

    public decimal? ApproximateCreationEpochSeconds { get; set; }
}
