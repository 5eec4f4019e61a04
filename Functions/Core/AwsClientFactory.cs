using Amazon.DynamoDBv2;
using Amazon.S3;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions;

/// <summary>
/// SDK clients for the handlers' default constructors, with the retry and timeout settings of a
/// <see cref="SdkCallPolicy"/>. The SDK resolves region, credentials and
/// <c>AWS_ENDPOINT_URL</c> itself; when an endpoint override is set (an emulator), S3 uses path-style addressing
/// because emulators do not serve virtual-hosted bucket names.
/// </summary>
internal static class AwsClientFactory
{
    public static IAmazonS3 S3(SdkCallPolicy policy) =>
        new AmazonS3Client(policy.Apply(new AmazonS3Config { ForcePathStyle = HasEndpointOverride("S3") }));

    public static IAmazonDynamoDB DynamoDb(SdkCallPolicy policy) => new AmazonDynamoDBClient(policy.Apply(new AmazonDynamoDBConfig()));

    private static bool HasEndpointOverride(string service) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(AwsEnvironment.EndpointUrl)) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(AwsEnvironment.ServiceEndpointUrl(service)));
}
