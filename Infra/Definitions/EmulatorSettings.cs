namespace OrdersPipeline.Infra.Definitions;

/// <summary>Where the <c>local</c> stack sends every AWS call, and the test credentials it signs them with.</summary>
public sealed record EmulatorSettings(Uri Endpoint, string AccessKey, string SecretKey)
{
    /// <summary>The AWS provider endpoint keys (provider <c>endpoints</c> block) of every service the stack calls.
    /// STS is included because the stack reads the caller identity; KMS and CloudTrail because the data-protection
    /// controls can be turned on for the local stack too.</summary>
    public static IReadOnlyList<string> Services { get; } =
        ["apigateway", "cloudtrail", "cloudwatch", "dynamodb", "iam", "kms", "lambda", "logs", "s3", "secretsmanager",
            "sns", "sqs", "sts"];

    /// <summary>The endpoint URL without a trailing slash, as the provider expects it.</summary>
    public string Url => Endpoint.AbsoluteUri.TrimEnd('/');
}
