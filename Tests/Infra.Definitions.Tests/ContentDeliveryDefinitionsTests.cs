using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>The CDN read path's Pulumi-free parts: the processed bucket's policy, the key policy statement, the names
/// and the signing key's fingerprint.</summary>
[TestFixture]
public sealed class ContentDeliveryDefinitionsTests
{
    private const string Account = "123456789012";
    private const string BucketArn = "arn:aws:s3:::dev-processed-data-123456789012-backend";
    private const string DistributionArn = "arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE";

    private const string PublicKeyPem =
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtest\n-----END PUBLIC KEY-----";

    [Test]
    public void The_processed_bucket_policy_lets_this_distribution_get_processed_data_only_and_keeps_tls_only()
    {
        var policy = BucketPolicies.ProcessedBucket(BucketArn, DistributionArn);

        Assert.That(policy, Is.EqualTo(Compact("""
            {"Version":"2012-10-17","Statement":[{"Sid":"CloudFrontReadsProcessedData","Effect":"Allow",
            "Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject",
            "Resource":"arn:aws:s3:::dev-processed-data-123456789012-backend/processed-data/*",
            "Condition":{"StringEquals":{"aws:SourceArn":"arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE"}}},
            {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
            "Resource":["arn:aws:s3:::dev-processed-data-123456789012-backend",
            "arn:aws:s3:::dev-processed-data-123456789012-backend/*"],
            "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
            """)));
    }

    [Test]
    public void The_read_statement_uses_the_prefix_the_processor_writes_under()
    {
        var statement = PolicyJson.Parse(BucketPolicies.ProcessedBucket(BucketArn, DistributionArn)).Statements[0];

        Assert.That(statement.Resources, Is.EqualTo(new[] { $"{BucketArn}/{PipelineDefaults.ProcessedKeyPrefix}/*" }));
        Assert.That(PipelineDefaults.ProcessedKeyPrefix,
            Is.EqualTo(Functions.Configuration.ProcessorEnvironment.KeyPrefix.Default));
    }

    [Test]
    public void The_cdn_adds_exactly_one_statement_to_the_tls_only_policy()
    {
        var withCdn = Statements(BucketPolicies.ProcessedBucket(BucketArn, DistributionArn));
        var tlsOnly = Statements(PolicyDocuments.TlsOnlyBucketPolicy(BucketArn));

        Assert.That(withCdn.Skip(1), Is.EqualTo(tlsOnly));
        Assert.That(withCdn, Has.Length.EqualTo(tlsOnly.Length + 1));
    }

    [Test]
    public void With_the_cdn_cloudfront_may_decrypt_with_the_stack_key_for_this_accounts_distributions_only()
    {
        var statements = KeyPolicyStatements(cdn: true);

        var cloudFront = statements.Single(s => s.Sid == "CloudFrontReadsProcessedData");
        Assert.That((cloudFront.Effect, cloudFront.Principal, cloudFront.Actions, cloudFront.Resources, cloudFront.Condition),
            Is.EqualTo(("Allow", """{"Service":"cloudfront.amazonaws.com"}""", new[] { "kms:Decrypt" }, new[] { "*" },
                Compact("""
                    {"StringEquals":{"aws:SourceAccount":"123456789012"},
                    "ArnLike":{"aws:SourceArn":"arn:aws:cloudfront::123456789012:distribution/*"}}
                    """))));
        Assert.That(statements, Has.Count.EqualTo(KeyPolicyStatements(cdn: false).Count + 1));
    }

    [Test]
    public void Without_the_cdn_the_key_policy_names_no_cloudfront()
    {
        Assert.That(KeyPolicyStatements(cdn: false).Select(s => s.Principal), Has.None.Contain("cloudfront"));
    }

    [Test]
    public void The_cdn_names_follow_environment_resource_team_and_exist_only_when_it_is_on()
    {
        var names = new ConfigFixture().Parse().Names;
        var fingerprint = ContentDeliveryDefaults.KeyFingerprint(PublicKeyPem);

        Assert.That(names.ContentDelivery(on: false, PublicKeyPem), Is.Empty);
        Assert.That(names.ContentDelivery(on: true, publicKeyPem: null).Select(entry => entry.Name),
            Is.EqualTo(new[] { "dev-processed-oac-backend", "dev-cdn-security-headers-backend" }));
        Assert.That(names.ContentDelivery(on: true, PublicKeyPem).Select(entry => entry.Name), Is.EqualTo(new[]
        {
            "dev-processed-oac-backend", "dev-cdn-security-headers-backend", "dev-cdn-signers-backend",
            $"dev-cdn-signing-key-{fingerprint}-backend",
        }));
    }

    [Test]
    public void The_longest_names_the_other_rules_allow_still_fit_cloudfronts_limits()
    {
        // The processed bucket's name (63 at most, with the account id) bounds environment and team together to 34
        // characters; the longest pair it accepts must fit every CloudFront name too (Parse checks them with the CDN on).
        var config = new ConfigFixture().With("environment", new string('e', 17)).With("team", new string('t', 17))
            .With("cdn", "true").With("cdnRequireSignedUrls", "true").With("cdnPublicKeyPem", PublicKeyPem).Parse();

        var cdnNames = config.Names.ContentDelivery(on: true, PublicKeyPem);
        Assert.That(config.Names.Validate(cdnNames), Is.Empty);
        Assert.That(cdnNames.Single(n => n.Rule == ServiceNameRules.CloudFrontOriginAccessControl).Name.Length,
            Is.LessThanOrEqualTo(64));
    }

    [Test]
    public void A_name_longer_than_cloudfront_allows_is_refused_with_the_rule()
    {
        var tooLong = new string('a', 65);

        Assert.That(ServiceNameRules.CloudFrontOriginAccessControl.Check(tooLong), Does.Contain("1-64 characters"));
        Assert.That(ServiceNameRules.CloudFrontName.Check("has space"), Does.Contain("may contain only"));
    }

    [Test]
    public void The_key_fingerprint_is_eight_hex_digits_of_the_trimmed_pem_and_changes_with_the_key()
    {
        var fingerprint = ContentDeliveryDefaults.KeyFingerprint(PublicKeyPem);

        Assert.That(fingerprint, Does.Match("^[0-9a-f]{8}$"));
        Assert.That(ContentDeliveryDefaults.KeyFingerprint("  " + PublicKeyPem + "\n"), Is.EqualTo(fingerprint));
        Assert.That(ContentDeliveryDefaults.KeyFingerprint(PublicKeyPem.Replace("test", "tesu", StringComparison.Ordinal)),
            Is.Not.EqualTo(fingerprint));
    }

    [Test]
    public void The_encoded_key_is_the_trimmed_pem_with_one_final_newline()
    {
        Assert.That(ContentDeliveryDefaults.EncodedKey("\n" + PublicKeyPem + "\n\n"), Is.EqualTo(PublicKeyPem + "\n"));
    }

    private static string Compact(string json) => json.ReplaceLineEndings(string.Empty);

    private static string[] Statements(string policy)
    {
        using var document = System.Text.Json.JsonDocument.Parse(policy);
        return document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.GetRawText()).ToArray();
    }

    private static IReadOnlyList<StatementJson> KeyPolicyStatements(bool cdn)
    {
        var config = new ConfigFixture().With("encryption", "customer-key").With("cdn", cdn ? "true" : "false")
            .With("httpIngest", "false").With("fileIngest", "false").Parse();
        return PolicyJson.Parse(KeyPolicy.For(KeyPolicyInputs.For(config, new AwsScope("aws", "us-east-1", Account))))
            .Statements;
    }
}
