using NUnit.Framework;
using OrdersPipeline.Infra.Components;
using OrdersPipeline.Infra.Definitions;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests;

/// <summary>The CDN read path (<c>cdn</c>; docs/edge-and-network.md): the distribution and its origin access control,
/// cache and headers policies, the processed bucket's policy, the key policy, signed URLs, the output; and nothing of
/// it when the switch is off.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ContentDeliveryTests
{
    private const string ProcessedBucket = "dev-processed-data-123456789012-backend";
    private const string OriginAccessControlId = "dev-processed-oac-backend-id";
    private const string SecurityHeadersPolicyId = "dev-cdn-security-headers-backend-id";

    private const string PublicKeyPem =
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsigner\n-----END PUBLIC KEY-----";

    private static readonly string[] CloudFrontTypes =
    [
        ResourceTypes.Distribution, ResourceTypes.OriginAccessControl, ResourceTypes.ResponseHeadersPolicy,
        ResourceTypes.PublicKey, ResourceTypes.KeyGroup,
    ];

    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().With("cdn", "true").RunAsync();

    private RegisteredResource Distribution => _run.Single(ResourceTypes.Distribution);

    private IReadOnlyDictionary<string, object?> DefaultBehavior => Distribution.Object("defaultCacheBehavior");

    [Test]
    public void The_origin_access_control_signs_every_request_to_s3_with_sigv4()
    {
        var control = _run.Single(ResourceTypes.OriginAccessControl);

        Assert.Multiple(() =>
        {
            Assert.That(control.String("name"), Is.EqualTo("dev-processed-oac-backend"));
            Assert.That(control.String("originAccessControlOriginType"), Is.EqualTo("s3"));
            Assert.That(control.String("signingBehavior"), Is.EqualTo("always"));
            Assert.That(control.String("signingProtocol"), Is.EqualTo("sigv4"));
        });
    }

    [Test]
    public void The_only_origin_is_the_processed_bucket_read_through_the_origin_access_control()
    {
        var origin = RegisteredResource.AsObject(Distribution.List("origins").Single());

        Assert.That(origin["domainName"], Is.EqualTo(MockAws.BucketRegionalDomainName(ProcessedBucket)));
        Assert.That(origin["originAccessControlId"], Is.EqualTo(OriginAccessControlId));
        Assert.That(origin["originId"], Is.EqualTo(DefaultBehavior["targetOriginId"]));
        // No legacy origin access identity, no origin path (keys are served under their own path).
        Assert.That(origin.Keys, Has.None.EqualTo("s3OriginConfig").And.None.EqualTo("originPath"));
    }

    [Test]
    public void The_default_behaviour_redirects_to_https_serves_get_and_head_compressed_with_caching_optimized()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DefaultBehavior["viewerProtocolPolicy"], Is.EqualTo("redirect-to-https"));
            Assert.That(RegisteredResource.AsList(DefaultBehavior["allowedMethods"]), Is.EqualTo(new[] { "GET", "HEAD" }));
            Assert.That(RegisteredResource.AsList(DefaultBehavior["cachedMethods"]), Is.EqualTo(new[] { "GET", "HEAD" }));
            Assert.That(DefaultBehavior["compress"], Is.EqualTo(true));
            // The managed CachingOptimized policy (CloudFront Developer Guide, "Use managed cache policies").
            Assert.That(DefaultBehavior["cachePolicyId"], Is.EqualTo("658327ea-f89d-4fab-a63d-7e88639e58f6"));
            Assert.That(DefaultBehavior["responseHeadersPolicyId"], Is.EqualTo(SecurityHeadersPolicyId));
            Assert.That(DefaultBehavior.Keys, Has.None.EqualTo("forwardedValues").And.None.EqualTo("trustedSigners"));
            Assert.That(Distribution.Has("orderedCacheBehaviors"), Is.False);
        });
    }

    [Test]
    public void The_distribution_is_enabled_on_ipv6_http2_and_3_without_root_object_geo_restriction_or_logging()
    {
        var geo = RegisteredResource.AsObject(Distribution.Object("restrictions")["geoRestriction"]);

        Assert.Multiple(() =>
        {
            Assert.That(Distribution.Bool("enabled"), Is.True);
            Assert.That(Distribution.Bool("isIpv6Enabled"), Is.True);
            Assert.That(Distribution.String("httpVersion"), Is.EqualTo("http2and3"));
            Assert.That(Distribution.String("priceClass"), Is.EqualTo("PriceClass_100"));
            Assert.That(geo["restrictionType"], Is.EqualTo("none"));
            Assert.That(Distribution.Has("defaultRootObject"), Is.False);
            // Standard logging needs ACLs on the log bucket, which is BucketOwnerEnforced.
            Assert.That(Distribution.Has("loggingConfig"), Is.False);
            Assert.That(Distribution.Has("webAclId"), Is.False);
        });
    }

    [Test]
    public void The_viewer_certificate_is_cloudfronts_default_with_the_security_policy_cloudfront_enforces_for_it()
    {
        var certificate = Distribution.Object("viewerCertificate");

        Assert.That(certificate["cloudfrontDefaultCertificate"], Is.EqualTo(true));
        // With *.cloudfront.net CloudFront uses TLSv1 whatever is asked; TLSv1.2_2021 needs a custom domain.
        Assert.That(certificate["minimumProtocolVersion"], Is.EqualTo("TLSv1"));
        Assert.That(certificate.Keys, Has.None.EqualTo("acmCertificateArn"));
        Assert.That(Distribution.Has("aliases") ? Distribution.Strings("aliases") : [], Is.Empty);
    }

    [Test]
    public async Task With_a_custom_domain_viewers_need_tls_1_2_and_sni_with_the_acm_certificate()
    {
        const string certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab";
        var run = await StackRun.WithDefaults().With("cdn", "true").With("cdnAliases", "orders.example.com")
            .With("cdnCertificateArn", certificateArn).RunAsync();

        var distribution = run.Single(ResourceTypes.Distribution);
        var certificate = distribution.Object("viewerCertificate");
        Assert.Multiple(() =>
        {
            Assert.That(distribution.Strings("aliases"), Is.EqualTo(new[] { "orders.example.com" }));
            Assert.That(certificate["acmCertificateArn"], Is.EqualTo(certificateArn));
            Assert.That(certificate["sslSupportMethod"], Is.EqualTo("sni-only"));
            Assert.That(certificate["minimumProtocolVersion"], Is.EqualTo("TLSv1.2_2021"));
            Assert.That(certificate.Keys, Has.None.EqualTo("cloudfrontDefaultCertificate"));
        });
    }

    [Test]
    public void The_security_headers_policy_sets_hsts_for_a_year_nosniff_frame_deny_and_no_referrer_overriding_the_origin()
    {
        var policy = _run.Single(ResourceTypes.ResponseHeadersPolicy);
        var headers = policy.Object("securityHeadersConfig");
        IReadOnlyDictionary<string, object?> Header(string name) => RegisteredResource.AsObject(headers[name]);

        Assert.Multiple(() =>
        {
            Assert.That(policy.String("name"), Is.EqualTo("dev-cdn-security-headers-backend"));
            Assert.That(headers.Keys, Is.EquivalentTo(new[]
            {
                "strictTransportSecurity", "contentTypeOptions", "frameOptions", "referrerPolicy",
            }));
            Assert.That(Header("strictTransportSecurity"), Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["accessControlMaxAgeSec"] = 31_536_000.0, ["includeSubdomains"] = true, ["override"] = true,
            }));
            Assert.That(Header("contentTypeOptions"), Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["override"] = true,
            }));
            Assert.That(Header("frameOptions"), Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["frameOption"] = "DENY", ["override"] = true,
            }));
            Assert.That(Header("referrerPolicy"), Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["referrerPolicy"] = "no-referrer", ["override"] = true,
            }));
            Assert.That(policy.Has("corsConfig") || policy.Has("customHeadersConfig"), Is.False);
        });
    }

    [Test]
    public void The_processed_bucket_policy_gains_exactly_the_read_statement_for_this_distribution()
    {
        var policy = _run.Single(ResourceTypes.BucketPolicy, ProcessedBucket).String("policy");

        Assert.That(policy, Is.EqualTo(
            BucketPolicies.ProcessedBucket(MockAws.BucketArn(ProcessedBucket), MockAws.DistributionArn)));
        Assert.That(policy, Does.Contain(
            """{"Sid":"CloudFrontReadsProcessedData","Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject","Resource":"BUCKET/processed-data/*","Condition":{"StringEquals":{"aws:SourceArn":"DISTRIBUTION"}}}""".Replace("BUCKET", MockAws.BucketArn(ProcessedBucket), StringComparison.Ordinal)
                .Replace("DISTRIBUTION", MockAws.DistributionArn, StringComparison.Ordinal)
                .Replace("ACCOUNT", MockAws.AccountId, StringComparison.Ordinal)));
    }

    [Test]
    public void No_other_bucket_policy_names_cloudfront()
    {
        var others = _run.OfType(ResourceTypes.BucketPolicy).Where(policy => policy.String("bucket") != ProcessedBucket);

        Assert.That(others.Select(policy => policy.String("policy")), Has.None.Contain("cloudfront"));
    }

    [Test]
    public async Task The_stack_exports_the_distribution_domain()
    {
        Assert.That(await OutputUtilities.GetValueAsync(_run.Stack.CdnDomainName),
            Is.EqualTo(MockAws.DistributionDomainName));
    }

    [Test]
    public void The_cdn_is_one_component_whose_resources_use_the_stack_provider_and_set_no_tags_of_their_own()
    {
        var cloudFront = _run.Aws.Where(resource => CloudFrontTypes.Contains(resource.Type)).ToArray();

        Assert.That(_run.OfType(ContentDelivery.TypeToken), Has.Exactly(1).Items);
        Assert.That(cloudFront.Select(resource => resource.Type), Is.EquivalentTo(new[]
        {
            ResourceTypes.Distribution, ResourceTypes.OriginAccessControl, ResourceTypes.ResponseHeadersPolicy,
        }));
        Assert.That(cloudFront.Select(resource => resource.Provider), Has.All.Contain("pulumi:providers:aws::aws-pipeline::"));
        Assert.That(cloudFront.Where(resource => resource.Has("tags")), Is.Empty);
    }

    [Test]
    public void Without_signed_urls_no_key_group_is_trusted()
    {
        Assert.That(_run.OfType(ResourceTypes.PublicKey).Concat(_run.OfType(ResourceTypes.KeyGroup)), Is.Empty);
        Assert.That(DefaultBehavior.TryGetValue("trustedKeyGroups", out var groups)
            ? RegisteredResource.AsList(groups) : [], Is.Empty);
    }

    [Test]
    public async Task The_price_class_comes_from_config()
    {
        var run = await StackRun.WithDefaults().With("cdn", "true").With("cdnPriceClass", "PriceClass_All").RunAsync();

        Assert.That(run.Single(ResourceTypes.Distribution).String("priceClass"), Is.EqualTo("PriceClass_All"));
    }

    [Test]
    public async Task With_signed_urls_the_behaviour_trusts_only_the_key_group_of_the_configured_public_key()
    {
        var run = await StackRun.WithDefaults().With("cdn", "true").With("cdnRequireSignedUrls", "true")
            .With("cdnPublicKeyPem", PublicKeyPem).RunAsync();

        var publicKey = run.Single(ResourceTypes.PublicKey);
        var keyGroup = run.Single(ResourceTypes.KeyGroup);
        var behavior = run.Single(ResourceTypes.Distribution).Object("defaultCacheBehavior");
        var keyName = $"dev-cdn-signing-key-{ContentDeliveryDefaults.KeyFingerprint(PublicKeyPem)}-backend";
        Assert.Multiple(() =>
        {
            Assert.That(publicKey.String("name"), Is.EqualTo(keyName));
            Assert.That(publicKey.String("encodedKey"), Is.EqualTo(PublicKeyPem + "\n"));
            Assert.That(keyGroup.String("name"), Is.EqualTo("dev-cdn-signers-backend"));
            Assert.That(keyGroup.Strings("items"), Is.EqualTo(new[] { $"{keyName}-id" }));
            Assert.That(RegisteredResource.AsList(behavior["trustedKeyGroups"]),
                Is.EqualTo(new[] { "dev-cdn-signers-backend-id" }));
        });
    }

    [Test]
    public async Task With_a_stack_key_cloudfront_may_decrypt_for_this_accounts_distributions_and_every_policy_lints()
    {
        var run = await StackRun.WithDefaults().With("cdn", "true").With("encryption", "customer-key").RunAsync();

        var keyPolicy = run.Single(ResourceTypes.Key).String("policy");
        Assert.That(keyPolicy, Does.Contain(
            """{"Sid":"CloudFrontReadsProcessedData","Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},"Action":["kms:Decrypt"],"Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"ACCOUNT"},"ArnLike":{"aws:SourceArn":"arn:aws:cloudfront::ACCOUNT:distribution/*"}}}""".Replace("BUCKET", MockAws.BucketArn(ProcessedBucket), StringComparison.Ordinal)
                .Replace("DISTRIBUTION", MockAws.DistributionArn, StringComparison.Ordinal)
                .Replace("ACCOUNT", MockAws.AccountId, StringComparison.Ordinal)));
        Assert.That(new[] { ("key", PolicyLint.KeyPolicyKind, keyPolicy) }
                .Append(("processed bucket", "bucket policy",
                    run.Single(ResourceTypes.BucketPolicy, ProcessedBucket).String("policy")))
                .SelectMany(policy => PolicyLint.Check(new ProducedPolicy(policy.Item1, policy.Item2, policy.Item3))),
            Is.Empty);
    }

    [Test]
    public async Task With_the_cdn_off_nothing_of_it_exists_and_the_policies_and_output_are_as_before()
    {
        var run = await StackRun.WithDefaults().With("encryption", "customer-key").RunAsync();

        Assert.That(run.Mocks.Registered.Where(resource => resource.Type.StartsWith("aws:cloudfront/", StringComparison.Ordinal)),
            Is.Empty);
        Assert.That(run.OfType(ContentDelivery.TypeToken), Is.Empty);
        Assert.That(run.Single(ResourceTypes.BucketPolicy, ProcessedBucket).String("policy"),
            Is.EqualTo(PolicyDocuments.TlsOnlyBucketPolicy(MockAws.BucketArn(ProcessedBucket))));
        Assert.That(run.Single(ResourceTypes.Key).String("policy"), Does.Not.Contain("cloudfront"));
        Assert.That(await OutputUtilities.GetValueAsync(run.Stack.CdnDomainName), Is.Empty);
    }
}
