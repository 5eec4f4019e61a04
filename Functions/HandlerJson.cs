using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrdersPipeline.Functions.Contracts;

namespace OrdersPipeline.Functions;

/// <summary>Reads a handler's input and writes its response with the source-generated contracts.</summary>
internal static class HandlerJson
{
    public static async Task<T?> ReadAsync<T>(Stream input, JsonTypeInfo<T> typeInfo, string expected)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(input, typeInfo).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            throw new InvalidEventException($"The input is not {expected}: {error.Message}", error);
        }
    }

    public static Stream Write(BatchResponse response) =>
        new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(response, FunctionsJsonContext.Default.BatchResponse), writable: false);
}

internal static class BatchResponses
{
    public static BatchResponse From(IEnumerable<string> failedIdentifiers) =>
        new([.. failedIdentifiers.Select(id => new BatchItemFailure(id))]);
}
