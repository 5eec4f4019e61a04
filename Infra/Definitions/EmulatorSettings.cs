namespace OrdersPipeline.Infra.Definitions;

/// <summary>Where the <c>local</c> stack sends every AWS call, and the test credentials it signs them with.</summary>
public sealed record EmulatorSettings(Uri Endpoint, string AccessKey, string SecretKey)
{
    /// <summary>The AWS provider endpoint keys (provider <c>endpoints</c> block) of every service the stack calls.
    /// STS is included because the stack reads the caller identity.</summary>
    public static IReadOnlyList<string> Services { get; } =
        ["cloudwatch", "dynamodb", "iam", "lambda", "logs", "s3", "sns", "sqs", "sts",
            // Ingest: the HTTP door's REST API.
            "apigateway"];

    /// <summary>The endpoint URL without a trailing slash, as the provider expects it.</summary>
    public string Url => Endpoint.AbsoluteUri.TrimEnd('/');
}
