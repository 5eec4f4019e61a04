using System.Text.Json;
using Amazon.Lambda.Serialization.SystemTextJson;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Serialization;

/// <summary>
/// The Lambda serializer of every handler: the package's source-generator serializer over
/// <see cref="FunctionsJsonContext"/> with the package's defaults (its epoch-seconds dates and base64 streams), and one
/// setting: a stream record's images may nest as deep as DynamoDB allows, which is deeper than the reader's default
/// of 64 (<see cref="DynamoDbLimits.EventReaderMaxDepth"/>).
/// </summary>
public sealed class FunctionsLambdaSerializer : SourceGeneratorLambdaJsonSerializer<FunctionsJsonContext>
{
    public FunctionsLambdaSerializer()
        : base(Customize)
    {
    }

    private static void Customize(JsonSerializerOptions options) =>
        options.MaxDepth = DynamoDbLimits.EventReaderMaxDepth;
}
