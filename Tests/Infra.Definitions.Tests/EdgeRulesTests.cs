using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class EdgeRulesTests
{
    private const string PublicKey = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----";

    [Test]
    public void Every_control_is_off_by_default()
    {
        var config = new ConfigFixture().Parse();

        Assert.Multiple(() =>
        {
            Assert.That(config.Get(ConfigSchema.Cdn), Is.False);
            Assert.That(config.Get(ConfigSchema.CdnPriceClass), Is.EqualTo("PriceClass_100"));
            Assert.That(config.Get(ConfigSchema.CdnRequireSignedUrls), Is.False);
            Assert.That(config.Get(ConfigSchema.Waf), Is.False);
            Assert.That(config.Get(ConfigSchema.WafRateLimit), Is.EqualTo(2_000));
            Assert.That(config.Get(ConfigSchema.Vpc), Is.False);
            Assert.That(config.Get(ConfigSchema.VpcCidr), Is.EqualTo("10.40.0.0/16"));
            Assert.That(config.Get(ConfigSchema.GuardDuty), Is.False);
            Assert.That(config.Get(ConfigSchema.GuardDutySeverityThreshold), Is.EqualTo(7));
            Assert.That(config.Get(ConfigSchema.ConfigRules), Is.False);
            Assert.That(config.Get(ConfigSchema.ConfigRecorder), Is.False);
        });
    }

    [Test]
    public void Every_control_can_be_on_with_all_its_settings()
    {
        var config = new ConfigFixture()
            .With("cdn", "true").With("cdnRequireSignedUrls", "true").With("cdnPublicKeyPem", PublicKey)
            .With("cdnPriceClass", "PriceClass_All")
            .With("waf", "true").With("wafAllowedCidrs", "203.0.113.0/24, 198.51.100.7/32")
            .With("vpc", "true").With("vpcId", "vpc-0a1b2c3d").With("subnetIds", "subnet-0a1b2c3d,subnet-1a2b3c4d")
            .With("guardDuty", "true").With("guardDutyDetectorId", "12abc34d567e8fa901bc2d34e56789f0")
            .With("configRules", "true").With("configRecorder", "true")
            .Parse();

        Assert.Multiple(() =>
        {
            Assert.That(ValueRules.SplitList(config.Get(ConfigSchema.WafAllowedCidrs)!),
                Is.EqualTo(new[] { "203.0.113.0/24", "198.51.100.7/32" }));
            Assert.That(ValueRules.SplitList(config.Get(ConfigSchema.SubnetIds)!), Has.Count.EqualTo(2));
            Assert.That(config.Get(ConfigSchema.CdnPublicKeyPem), Is.EqualTo(PublicKey));
        });
    }

    // A setting whose control is off would be ignored: refused instead, naming the control to turn on.
    [TestCase("cdnRequireSignedUrls", "true", "cdn")]
    [TestCase("wafAllowedCidrs", "203.0.113.0/24", "waf")]
    [TestCase("vpcId", "vpc-0a1b2c3d", "vpc")]
    [TestCase("guardDutyDetectorId", "12abc34d567e8fa901bc2d34e56789f0", "guardDuty")]
    [TestCase("configRecorder", "true", "configRules")]
    public void A_setting_without_its_control_is_refused(string key, string value, string control)
    {
        var fixture = new ConfigFixture().With(key, value);
        if (key == "vpcId")
        {
            fixture.With("subnetIds", "subnet-0a1b2c3d,subnet-1a2b3c4d");
        }

        if (key == "cdnRequireSignedUrls")
        {
            fixture.With("cdnPublicKeyPem", PublicKey);
        }

        var error = fixture.ParseFails();

        Assert.That(error.Message, Does.Contain($"'orders-pipeline:{key}'")
            .And.Contain($"pulumi config set orders-pipeline:{control} true"));
    }

    [Test]
    public void Waf_needs_the_http_door()
    {
        var error = new ConfigFixture().With("waf", "true").With("httpIngest", "false").ParseFails();

        Assert.That(error.Message, Does.Contain("'orders-pipeline:waf'").And.Contain("'orders-pipeline:httpIngest'"));
    }

    [Test]
    public void Signed_urls_need_the_public_key_and_the_key_needs_signed_urls()
    {
        var withoutKey = new ConfigFixture().With("cdn", "true").With("cdnRequireSignedUrls", "true").ParseFails();
        var withoutSigning = new ConfigFixture().With("cdn", "true").With("cdnPublicKeyPem", PublicKey).ParseFails();

        Assert.Multiple(() =>
        {
            Assert.That(withoutKey.Message, Does.Contain("'orders-pipeline:cdnPublicKeyPem' holds the public key"));
            Assert.That(withoutSigning.Message, Does.Contain("'orders-pipeline:cdnPublicKeyPem'")
                .And.Contain("orders-pipeline:cdnRequireSignedUrls true"));
        });
    }

    [TestCase("cdnAliases", "orders.example.com", "cdnCertificateArn")]
    [TestCase("cdnCertificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd", "cdnAliases")]
    public void A_custom_domain_needs_its_host_names_and_its_certificate(string key, string value, string missing)
    {
        var error = new ConfigFixture().With("cdn", "true").With(key, value).ParseFails();

        Assert.That(error.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Message, Does.Contain($"'orders-pipeline:{key}'").And.Contain($"'orders-pipeline:{missing}'"));
    }

    [TestCase("vpcId", "vpc-0a1b2c3d", "subnetIds")]
    [TestCase("subnetIds", "subnet-0a1b2c3d,subnet-1a2b3c4d", "vpcId")]
    public void An_existing_vpc_needs_its_id_and_its_subnets(string key, string value, string missing)
    {
        var error = new ConfigFixture().With("vpc", "true").With(key, value).ParseFails();

        Assert.That(error.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Message, Does.Contain($"'orders-pipeline:{key}'").And.Contain($"'orders-pipeline:{missing}'"));
    }

    [TestCase("wafAllowedCidrs", "203.0.113.0", "IPv4 CIDR blocks")]
    [TestCase("wafAllowedCidrs", "203.0.113.300/24", "IPv4 CIDR blocks")]
    [TestCase("wafAllowedCidrs", "2001:db8::/32", "IPv4 CIDR blocks")]
    [TestCase("vpcCidr", "10.40.0.0/8", "prefix from /16 to /24")]
    [TestCase("vpcCidr", "10.40.0.0/25", "prefix from /16 to /24")]
    [TestCase("vpcId", "sg-0a1b2c3d", "an id like vpc-")]
    [TestCase("subnetIds", "subnet-0a1b2c3d", "at least 2 distinct ids")]
    [TestCase("subnetIds", "subnet-0a1b2c3d,subnet-0a1b2c3d", "at least 2 distinct ids")]
    [TestCase("guardDutyDetectorId", "not-a-detector", "GuardDuty detector id")]
    [TestCase("guardDutySeverityThreshold", "9", "an integer from 1 to 8")]
    [TestCase("wafRateLimit", "9", "an integer from 10 to")]
    [TestCase("cdnPriceClass", "PriceClass_50", "one of PriceClass_100, PriceClass_200, PriceClass_All")]
    [TestCase("cdnPublicKeyPem", "ssh-rsa AAAA", "a PEM public key")]
    [TestCase("cdnAliases", "orders example.com", "host names like")]
    [TestCase("cdnCertificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/1234abcd", "in us-east-1")]
    public void Malformed_values_name_what_is_allowed(string key, string value, string allowed)
    {
        Assert.That(new ConfigFixture().With(key, value).ParseFails().Message,
            Does.Contain($"'orders-pipeline:{key}' has invalid value").And.Contain(allowed));
    }
}
