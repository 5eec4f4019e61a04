using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.Inputs;

namespace OrdersPipeline.Infra.Components;

/// <summary>The one explicit AWS provider every component uses: default tags always, and for the <c>local</c>
/// stack every service endpoint pointed at the emulator.</summary>
public static class PipelineProvider
{
    public const string ResourceName = "aws-pipeline";

    public static Provider Create(StackConfig config, string? region)
    {
        var tags = new InputMap<string>();
        foreach (var (key, value) in config.Tags)
        {
            tags.Add(key, value);
        }

        // The provider skips region validation unless told otherwise; a stack that talks to AWS validates the
        // region, so a mistyped aws:region fails before any resource call. Only the emulator skips it.
        var args = new ProviderArgs
        {
            DefaultTags = new ProviderDefaultTagsArgs { Tags = tags },
            SkipRegionValidation = false,
        };
        if (region is not null)
        {
            args.Region = region;
        }

        if (config.Emulator is { } emulator)
        {
            args.AccessKey = emulator.AccessKey;
            args.SecretKey = emulator.SecretKey;
            args.S3UsePathStyle = true;
            args.SkipCredentialsValidation = true;
            args.SkipRequestingAccountId = true;
            args.SkipMetadataApiCheck = true;
            args.SkipRegionValidation = true;
            args.Endpoints.Add(EmulatorEndpoints(emulator.Url));
        }

        return new Provider(ResourceName, args);
    }

    // Keep in step with EmulatorSettings.Services.
    private static ProviderEndpointArgs EmulatorEndpoints(string url) => new()
    {
        Cloudtrail = url,
        Cloudwatch = url,
        Dynamodb = url,
        Iam = url,
        Kms = url,
        Lambda = url,
        Logs = url,
        S3 = url,
        Sns = url,
        Sqs = url,
        Sts = url,
        Apigateway = url,
        Secretsmanager = url,
    };
}
