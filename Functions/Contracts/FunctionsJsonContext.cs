using System.Text.Json.Serialization;

namespace OrdersPipeline.Functions.Contracts;

/// <summary>Source-generated serialization for every type that crosses a boundary: no reflection at run time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DynamoDbStreamEvent))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(OnFailureRecord))]
[JsonSerializable(typeof(BatchResponse))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext;
