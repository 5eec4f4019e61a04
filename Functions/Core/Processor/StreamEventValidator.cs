using OrdersPipeline.Functions.Contracts;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Checks the batch as a whole. A record that cannot be identified (no sequence number) cannot be reported
/// on its own, so the batch fails and Lambda retries it: nothing is dropped.
/// </summary>
public static class StreamEventValidator
{
    public static IReadOnlyList<ChangeRecord> Validate(IReadOnlyList<ChangeRecord>? records)
    {
        if (records is null)
        {
            throw new InvalidEventException("The input is not a DynamoDB stream event: it has no 'Records' array.");
        }
        for (var i = 0; i < records.Count; i++)
        {
            // The Lambda layer passes a null record on as it came.
            var record = records[i]
                ?? throw new InvalidEventException($"Records[{i}] is null; the input is not a DynamoDB stream event.");
            if (record.EventSource is { } source && source != "aws:dynamodb")
            {
                throw new InvalidEventException(
                    $"Records[{i}] has eventSource '{source}'; the processor only accepts DynamoDB stream events (aws:dynamodb).");
            }
            if (string.IsNullOrEmpty(record.SequenceNumber))
            {
                throw new InvalidEventException(
                    $"Records[{i}] has no dynamodb.SequenceNumber, so it cannot be reported on its own; the batch is failed for retry.");
            }
        }
        return records;
    }
}
