using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.SQSEvents;

namespace OrdersPipeline.Functions;

/// <summary>The partial-batch responses (ReportBatchItemFailures) the handlers return.</summary>
internal static class BatchResponses
{
    public static StreamsEventResponse ForStream(IEnumerable<string> failedSequenceNumbers) => new()
    {
        BatchItemFailures =
        [
            .. failedSequenceNumbers.Select(id => new StreamsEventResponse.BatchItemFailure { ItemIdentifier = id }),
        ],
    };

    public static SQSBatchResponse ForQueue(IEnumerable<string> failedMessageIds) =>
        new([.. failedMessageIds.Select(id => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = id })]);
}
