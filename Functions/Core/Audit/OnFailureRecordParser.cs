using System.Text.Json;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Serialization;

namespace OrdersPipeline.Functions.Audit;

/// <summary>Reads a DLQ message body as Lambda's on-failure record, or says it is not one.</summary>
public static class OnFailureRecordParser
{
    public static bool TryParse(string? body, out OnFailureRecord record)
    {
        record = null!;
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(body, CoreJsonContext.Default.OnFailureRecord);
            // An object with none of the record's sections (e.g. "{}" or some other app's JSON) is not a failure
            // record.
            if (parsed is null || parsed is { RequestContext: null, ResponseContext: null, DdbStreamBatchInfo: null })
            {
                return false;
            }

            record = parsed;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
