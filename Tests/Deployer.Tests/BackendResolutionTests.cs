using OrdersPipeline.Deployer.Backend;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>--backend-url, else PULUMI_BACKEND_URL, else file://~/.orders-pipeline/state; a file backend needs a
/// passphrase from the environment.</summary>
public sealed class BackendResolutionTests
{
    private readonly FakeEnvironment _environment = new("/repo", "/home/tester");

    [Test]
    public void The_option_wins_over_the_environment()
    {
        _environment.Variables[BackendResolver.BackendUrlVariable] = "s3://from-env";

        var backend = BackendResolver.Resolve("s3://from-option", _environment);

        Assert.That(backend, Is.EqualTo(new BackendSelection("s3://from-option", BackendSource.Option)));
    }

    [Test]
    public void The_environment_wins_over_the_default()
    {
        _environment.Variables[BackendResolver.BackendUrlVariable] = "s3://from-env";

        var backend = BackendResolver.Resolve(null, _environment);

        Assert.That(backend, Is.EqualTo(new BackendSelection("s3://from-env", BackendSource.EnvironmentVariable)));
    }

    [Test]
    public void The_default_is_a_file_backend_under_the_home_folder()
    {
        var backend = BackendResolver.Resolve("  ", _environment);

        Assert.That(backend.Url, Is.EqualTo("file:///home/tester/.orders-pipeline/state"));
        Assert.That(backend.Source, Is.EqualTo(BackendSource.Default));
        Assert.That(backend.IsFileBackend, Is.True);
    }

    [Test]
    public void A_file_backend_without_a_passphrase_stops_with_how_to_set_one()
    {
        var backend = BackendResolver.Resolve(null, _environment);

        var failure = Assert.Throws<DeployerException>(() => PassphraseRequirement.Ensure(backend, _environment));

        Assert.That(failure!.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(failure.Message, Does.Contain("export PULUMI_CONFIG_PASSPHRASE=")
            .And.Contain("PULUMI_CONFIG_PASSPHRASE_FILE"));
    }

    [TestCase(PassphraseRequirement.PassphraseVariable, "secret")]
    [TestCase(PassphraseRequirement.PassphraseVariable, "")]
    [TestCase(PassphraseRequirement.PassphraseFileVariable, "/run/secrets/passphrase")]
    public void A_passphrase_or_passphrase_file_satisfies_a_file_backend(string variable, string value)
    {
        _environment.Variables[variable] = value;

        Assert.DoesNotThrow(() => PassphraseRequirement.Ensure(BackendResolver.Resolve(null, _environment), _environment));
    }

    [Test]
    public void A_non_file_backend_needs_no_passphrase()
    {
        var backend = BackendResolver.Resolve("s3://state-bucket", _environment);

        Assert.DoesNotThrow(() => PassphraseRequirement.Ensure(backend, _environment));
    }

    [Test]
    public async Task Commands_pass_the_resolved_backend_to_the_workspace()
    {
        using var harness = new DeployerHarness();
        harness.Environment.Variables[BackendResolver.BackendUrlVariable] = "file:///tmp/env-state";

        await harness.RunAsync("outputs");
        await harness.RunAsync("outputs", "--backend-url", "s3://option-state");

        Assert.That(harness.CreatedWith.Select(settings => settings.BackendUrl),
            Is.EqualTo(new[] { "file:///tmp/env-state", "s3://option-state" }));
    }

    [Test]
    public async Task A_command_against_a_file_backend_without_passphrase_exits_2_before_opening_the_workspace()
    {
        using var harness = new DeployerHarness();
        harness.Environment.Variables.Remove(DeployerHarness.Passphrase);

        var exitCode = await harness.RunAsync("up");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(harness.Console.StdErr, Does.Contain("PULUMI_CONFIG_PASSPHRASE"));
        Assert.That(harness.CreatedWith, Is.Empty);
    }

    [Test]
    public async Task Listing_stacks_does_not_need_a_passphrase()
    {
        using var harness = new DeployerHarness();
        harness.Environment.Variables.Remove(DeployerHarness.Passphrase);

        Assert.That(await harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Success), harness.Console.StdErr);
    }
}
