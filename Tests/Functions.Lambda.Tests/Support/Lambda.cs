using System.Text;
using Amazon.Lambda.TestUtilities;
using OrdersPipeline.Functions.Serialization;

namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>Events and responses through the handlers' own Lambda serializer, and invocation contexts.</summary>
internal static class Lambda
{
    public static FunctionsLambdaSerializer Serializer { get; } = new();

    /// <summary>The event as the Lambda runtime hands it to the handler.</summary>
    public static T Event<T>(string json) => Serializer.Deserialize<T>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    /// <summary>The response as the Lambda runtime sends it back.</summary>
    public static string Response<T>(T response)
    {
        using var buffer = new MemoryStream();
        Serializer.Serialize(response, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static TestLambdaContext Context(TimeSpan? remaining = null, string? requestId = null) => new()
    {
        AwsRequestId = requestId ?? Guid.NewGuid().ToString(),
        FunctionName = "test-function",
        RemainingTime = remaining ?? TimeSpan.FromMinutes(1),
    };
}
