using Amazon.S3.Model;
using OrdersPipeline.Functions.Remediation;

namespace OrdersPipeline.Functions.Tests.Remediation;

public sealed class PublicAccessBlockGuardTests
{
    [Test]
    public void No_configuration_means_every_setting_is_off() =>
        Assert.That(PublicAccessBlockGuard.SettingsOff(null),
            Is.EqualTo(new[] { "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets" }));

    [Test]
    public void Only_the_settings_not_on_are_named_and_a_missing_one_counts_as_off() =>
        Assert.That(PublicAccessBlockGuard.SettingsOff(new PublicAccessBlockConfiguration
        {
            BlockPublicAcls = true,
            IgnorePublicAcls = true,
            BlockPublicPolicy = false,
        }), Is.EqualTo(new[] { "BlockPublicPolicy", "RestrictPublicBuckets" }));

    [Test]
    public void A_fully_on_block_has_nothing_off() =>
        Assert.That(PublicAccessBlockGuard.SettingsOff(new PublicAccessBlockConfiguration
        {
            BlockPublicAcls = true,
            IgnorePublicAcls = true,
            BlockPublicPolicy = true,
            RestrictPublicBuckets = true,
        }), Is.Empty);
}
