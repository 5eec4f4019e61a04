using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Emulator;

/// <summary>
/// An AWS API emulator to run against: the endpoint in <c>AWS_ENDPOINT_URL</c> when set, else a moto_server
/// started here on a free loopback port (and stopped on dispose). Hands out SDK clients configured for it.
/// </summary>
public sealed class AwsEmulator : IAsyncDisposable
{
    public const string Region = "us-east-1";
    private static readonly BasicAWSCredentials Credentials = new("testing", "testing");
    private readonly MotoProcess? _moto;

    private AwsEmulator(Uri endpoint, MotoProcess? moto)
    {
        Endpoint = endpoint;
        _moto = moto;
        Streams = new DynamoDbStreamsJsonClient(endpoint, Region);
        Sqs = new AmazonSQSClient(Credentials, new AmazonSQSConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = Region });
    }

    public Uri Endpoint { get; }

    /// <summary>Where it came from, for people reading the output.</summary>
    public string Description => _moto is null ? $"AWS_ENDPOINT_URL {Endpoint}" : $"moto_server started on {Endpoint}";

    /// <summary>The environment that points a function process's SDK clients at this emulator.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment
    {
        get
        {
            var credentials = Credentials.GetCredentials();
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_ENDPOINT_URL"] = Endpoint.ToString(),
                ["AWS_ACCESS_KEY_ID"] = credentials.AccessKey,
                ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretKey,
                ["AWS_REGION"] = Region,
            };
        }
    }

    /// <summary>Reads the tables' streams (over the JSON protocol: see <see cref="DynamoDbStreamsJsonClient"/>).</summary>
    public DynamoDbStreamsJsonClient Streams { get; }

    /// <summary>One SQS client for the harness's queue calls, disposed with the emulator.</summary>
    public IAmazonSQS Sqs { get; }

    public static async Task<AwsEmulator> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        if (!string.IsNullOrEmpty(configured))
        {
            return new AwsEmulator(new Uri(configured), moto: null);
        }

        var executable = MotoProcess.FindExecutable() ?? throw new EmulatorUnavailableException(
            "moto_server was not found on PATH (install it with: pip install 'moto[server]'), and AWS_ENDPOINT_URL is not set.");
        var moto = await MotoProcess.StartAsync(executable, TimeSpan.FromSeconds(30));
        return new AwsEmulator(moto.Endpoint, moto);
    }

    public IAmazonS3 S3() => S3(Endpoint);

    /// <summary>An S3 client for another endpoint in front of the emulator (a <see cref="FaultInjectingProxy"/>),
    /// with the retry and timeout settings of <paramref name="policy"/> when given.</summary>
    public static IAmazonS3 S3(Uri endpoint, SdkCallPolicy? policy = null)
    {
        var config = new AmazonS3Config { ServiceURL = endpoint.ToString(), AuthenticationRegion = Region, ForcePathStyle = true };
        return new AmazonS3Client(Credentials, policy is null ? config : policy.Apply(config));
    }

    public IAmazonDynamoDB DynamoDb() => DynamoDb(Endpoint);

    /// <summary>A DynamoDB client for another endpoint in front of the emulator (a <see cref="FaultInjectingProxy"/>),
    /// with the retry and timeout settings of <paramref name="policy"/> when given.</summary>
    public static IAmazonDynamoDB DynamoDb(Uri endpoint, SdkCallPolicy? policy = null)
    {
        var config = new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = Region };
        return new AmazonDynamoDBClient(Credentials, policy is null ? config : policy.Apply(config));
    }

    public async ValueTask DisposeAsync()
    {
        Streams.Dispose();
        Sqs.Dispose();
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }
}
