using Amazon.Lambda.Core;
using OrdersPipeline.Functions.Serialization;

// One serializer for every handler: the runtime deserializes each event and serializes each response with it.
[assembly: LambdaSerializer(typeof(FunctionsLambdaSerializer))]
