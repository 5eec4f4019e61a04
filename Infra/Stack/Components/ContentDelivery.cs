using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.CloudFront;
using CloudFrontInputs = Pulumi.Aws.CloudFront.Inputs;

namespace OrdersPipeline.Infra.Components;

/// <summary>The CDN read path (<c>cdn: true</c>; docs/edge-and-network.md): a CloudFront distribution in front of the
/// processed bucket, which reads it through origin access control (the bucket stays private; its policy lets this
/// distribution get <c>processed-data/*</c> only), HTTPS only, with the managed CachingOptimized cache policy and a
/// security headers policy, and, with <c>cdnRequireSignedUrls</c>, only for URLs or cookies signed with the key of
/// <c>cdnPublicKeyPem</c>.</summary>
public sealed class ContentDelivery : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:edge:ContentDelivery";

    /// <param name="originDomainName">The processed bucket's regional domain name.</param>
    public ContentDelivery(
        string name, StackContext context, Output<string> originDomainName, ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var config = context.Config;
        var names = context.Names;

        var originAccess = new OriginAccessControl($"{name}-origin-access", new OriginAccessControlArgs
        {
            Name = names.CdnOriginAccessControl,
            Description = "Signs every request to the processed bucket (SigV4)",
            OriginAccessControlOriginType = ContentDeliveryDefaults.OriginType,
            SigningBehavior = ContentDeliveryDefaults.SigningBehavior,
            SigningProtocol = ContentDeliveryDefaults.SigningProtocol,
        }, ChildOptions());

        SecurityHeaders = new ResponseHeadersPolicy($"{name}-security-headers", new ResponseHeadersPolicyArgs
        {
            Name = names.CdnSecurityHeadersPolicy,
            Comment = "HSTS, nosniff, frame DENY, no-referrer on every processed document",
            SecurityHeadersConfig = new CloudFrontInputs.ResponseHeadersPolicySecurityHeadersConfigArgs
            {
                StrictTransportSecurity =
                    new CloudFrontInputs.ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurityArgs
                    {
                        AccessControlMaxAgeSec = ContentDeliveryDefaults.HstsMaxAgeSeconds,
                        IncludeSubdomains = true,
                        Override = true,
                    },
                ContentTypeOptions = new CloudFrontInputs.ResponseHeadersPolicySecurityHeadersConfigContentTypeOptionsArgs
                {
                    Override = true,
                },
                FrameOptions = new CloudFrontInputs.ResponseHeadersPolicySecurityHeadersConfigFrameOptionsArgs
                {
                    FrameOption = ContentDeliveryDefaults.FrameOption,
                    Override = true,
                },
                ReferrerPolicy = new CloudFrontInputs.ResponseHeadersPolicySecurityHeadersConfigReferrerPolicyArgs
                {
                    ReferrerPolicy = ContentDeliveryDefaults.ReferrerPolicy,
                    Override = true,
                },
            },
        }, ChildOptions());

        var trustedKeyGroups = new InputList<string>();
        if (config.Get(ConfigSchema.CdnRequireSignedUrls))
        {
            // EdgeRules refuses cdnRequireSignedUrls without the key.
            var pem = config.Get(ConfigSchema.CdnPublicKeyPem)!;
            var publicKey = new PublicKey($"{name}-signing-key", new PublicKeyArgs
            {
                Name = names.CdnPublicKey(ContentDeliveryDefaults.KeyFingerprint(pem)),
                EncodedKey = ContentDeliveryDefaults.EncodedKey(pem),
                Comment = "Verifies signed URLs and cookies for processed documents (cdnPublicKeyPem)",
            }, ChildOptions());
            KeyGroup = new KeyGroup($"{name}-signers", new KeyGroupArgs
            {
                Name = names.CdnKeyGroup,
                Items = { publicKey.Id },
                Comment = "Signers of processed-document URLs",
            }, ChildOptions());
            trustedKeyGroups.Add(KeyGroup.Id);
        }

        // One behaviour, the default: the bucket policy lets CloudFront read processed-data/* and nothing else, so a
        // path outside it is refused by S3 (403); a second behaviour would repeat that rule, not enforce it.
        Distribution = new Distribution($"{name}-distribution", new DistributionArgs
        {
            Comment = $"orders-pipeline {config.Get(ConfigSchema.Environment)}/{config.Get(ConfigSchema.Team)}: "
                      + $"processed documents ({PipelineDefaults.ProcessedKeyPrefix}/*)",
            Enabled = true,
            IsIpv6Enabled = true,
            HttpVersion = ContentDeliveryDefaults.HttpVersion,
            PriceClass = config.Get(ConfigSchema.CdnPriceClass),
            Origins =
            {
                new CloudFrontInputs.DistributionOriginArgs
                {
                    OriginId = ContentDeliveryDefaults.OriginId,
                    DomainName = originDomainName,
                    OriginAccessControlId = originAccess.Id,
                },
            },
            DefaultCacheBehavior = new CloudFrontInputs.DistributionDefaultCacheBehaviorArgs
            {
                TargetOriginId = ContentDeliveryDefaults.OriginId,
                ViewerProtocolPolicy = ContentDeliveryDefaults.ViewerProtocolPolicy,
                AllowedMethods = ContentDeliveryDefaults.Methods.ToArray(),
                CachedMethods = ContentDeliveryDefaults.Methods.ToArray(),
                Compress = true,
                CachePolicyId = ContentDeliveryDefaults.CachingOptimizedPolicyId,
                ResponseHeadersPolicyId = SecurityHeaders.Id,
                TrustedKeyGroups = trustedKeyGroups,
            },
            Aliases = ValueRules.SplitList(config.Get(ConfigSchema.CdnAliases) ?? string.Empty).ToArray(),
            ViewerCertificate = ViewerCertificate(config.Get(ConfigSchema.CdnCertificateArn)),
            Restrictions = new CloudFrontInputs.DistributionRestrictionsArgs
            {
                GeoRestriction = new CloudFrontInputs.DistributionRestrictionsGeoRestrictionArgs
                {
                    RestrictionType = ContentDeliveryDefaults.GeoRestriction,
                },
            },
            // No access logging: CloudFront's standard (legacy) logs are written with an ACL, and the stack's
            // access-log bucket is BucketOwnerEnforced (ACLs off). See docs/edge-and-network.md.
        }, ChildOptions());

        RegisterOutputs();
    }

    // The default *.cloudfront.net certificate (CloudFront then uses TLSv1 whatever is asked), or the custom domain's
    // ACM certificate with a TLS 1.2 minimum; EdgeRules makes cdnAliases and cdnCertificateArn come together.
    private static CloudFrontInputs.DistributionViewerCertificateArgs ViewerCertificate(string? certificateArn) =>
        certificateArn is null
            ? new CloudFrontInputs.DistributionViewerCertificateArgs
            {
                CloudfrontDefaultCertificate = true,
                MinimumProtocolVersion = ContentDeliveryDefaults.DefaultCertificateSecurityPolicy,
            }
            : new CloudFrontInputs.DistributionViewerCertificateArgs
            {
                AcmCertificateArn = certificateArn,
                SslSupportMethod = ContentDeliveryDefaults.SslSupportMethod,
                MinimumProtocolVersion = ContentDeliveryDefaults.CustomCertificateSecurityPolicy,
            };

    public Distribution Distribution { get; }

    public ResponseHeadersPolicy SecurityHeaders { get; }

    /// <summary>Null unless <c>cdnRequireSignedUrls</c>.</summary>
    public KeyGroup? KeyGroup { get; }
}
