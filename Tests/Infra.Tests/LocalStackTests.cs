using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class LocalStackTests
{
    private const string Endpoint = "http://127.0.0.1:5000";

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
            foreach (var flag in new[]
                     {
                         "s3UsePathStyle", "skipCredentialsValidation", "skipRequestingAccountId", "skipMetadataApiCheck",
                         "skipRegionValidation",
                     })
            {
                Assert.That(provider.Json(flag).GetBoolean(), Is.True, flag);
            }
        });
    }

    [Test]
    public async Task Other_stacks_talk_to_aws_itself()
    {
        var run = await StackRun.WithDefaults().RunAsync();
        var provider = run.Single(ResourceTypes.Provider);

        Assert.That(provider.Has("endpoints"), Is.False);
        Assert.That(provider.Has("accessKey"), Is.False);
        Assert.That(provider.Has("skipCredentialsValidation"), Is.False);
    }
}
