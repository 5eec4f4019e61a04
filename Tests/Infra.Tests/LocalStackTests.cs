using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class LocalStackTests
{
    private const string Endpoint = "http://127.0.0.1:5000";

    private static readonly string[] EmulatorOnlyFlags =
    [
        "s3UsePathStyle", "skipCredentialsValidation", "skipRequestingAccountId", "skipMetadataApiCheck",
        "skipRegionValidation",
    ];

    [Test]
    public async Task The_local_stack_sends_every_service_to_the_emulator()
    {
        var run = await StackRun.WithDefaults().With("emulatorEndpoint", Endpoint).RunAsync();
        var provider = run.Single(ResourceTypes.Provider);

        var endpoints = provider.Json("endpoints").EnumerateArray().Single();
        Assert.That(endpoints.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()), Is.EquivalentTo(
            Definitions.EmulatorSettings.Services.ToDictionary(service => service, _ => (string?)Endpoint)));
    }

    [Test]
    public async Task The_local_stack_uses_test_credentials_path_style_s3_and_skips_aws_only_checks()
    {
        var run = await StackRun.WithDefaults().With("emulatorEndpoint", Endpoint).RunAsync();
        var provider = run.Single(ResourceTypes.Provider);

        Assert.Multiple(() =>
        {
            Assert.That(provider.String("accessKey"), Is.EqualTo("test"));
            Assert.That(provider.String("secretKey"), Is.EqualTo("test"));
            foreach (var flag in EmulatorOnlyFlags)
            {
                Assert.That(provider.Json(flag).GetBoolean(), Is.True, flag);
            }
        });
    }

    // The provider sends some of these flags whatever the program says (skipCredentialsValidation as false, say),
    // so the check is on their values, not on their absence. Every one must be false here, so each check on the
    // local stack above can fail.
    [Test]
    public async Task Other_stacks_talk_to_aws_itself_and_run_every_aws_check()
    {
        var run = await StackRun.WithDefaults().RunAsync();
        var provider = run.Single(ResourceTypes.Provider);

        Assert.Multiple(() =>
        {
            Assert.That(provider.Has("endpoints"), Is.False);
            Assert.That(provider.Has("accessKey"), Is.False);
            Assert.That(provider.Has("secretKey"), Is.False);
            foreach (var flag in EmulatorOnlyFlags)
            {
                Assert.That(provider.Has(flag) && provider.Json(flag).GetBoolean(), Is.False, flag);
            }
        });
    }
}
