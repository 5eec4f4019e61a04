using Amazon.DynamoDBv2;
using Amazon.S3;
using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Functions;

/// <summary>
/// SDK clients for the handlers' default constructors. The SDK resolves region, credentials and
/// <c>AWS_ENDPOINT_URL</c> itself; when an endpoint override is set (an emulator), S3 uses path-style addressing
/// because emulators do not serve virtual-hosted bucket names.
/// </summary>
internal static class AwsClientFactory
{
    public static IAmazonS3 S3() => new AmazonS3Client(new AmazonS3Config { ForcePathStyle = HasEndpointOverride("S3") });

    public static IAmazonDynamoDB DynamoDb() => new AmazonDynamoDBClient(new AmazonDynamoDBConfig());

    private static bool HasEndpointOverride(string service) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(AwsEnvironment.EndpointUrl)) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(AwsEnvironment.ServiceEndpointUrl(service)));
}
