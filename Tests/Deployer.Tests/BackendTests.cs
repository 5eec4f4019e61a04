using OrdersPipeline.Deployer.Automation;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>--backend-url, else PULUMI_BACKEND_URL, else file://~/.orders-pipeline/state; a file backend needs a
/// passphrase from the environment, checked before the workspace opens.</summary>
public sealed class BackendTests
{
    private DeployerHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new DeployerHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task The_option_wins_over_the_environment_which_wins_over_the_default()
    {
        await _harness.RunAsync("outputs");
        _harness.Variables[WorkspaceSettings.BackendUrlVariable] = "s3://from-env";
        await _harness.RunAsync("outputs");
        await _harness.RunAsync("outputs", "--backend-url", "s3://from-option");

        Assert.That(_harness.Opened.Select(settings => settings.BackendUrl), Is.EqualTo(new[]
        {
            "file:///home/tester/.orders-pipeline/state", "s3://from-env", "s3://from-option",
        }));
    }

    [Test]
    public async Task A_file_backend_without_a_passphrase_exits_2_before_opening_the_workspace()
    {
        _harness.Variables.Remove(WorkspaceSettings.PassphraseVariable);

        Assert.That(await _harness.RunAsync("up"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.StdErr, Does.Contain("export PULUMI_CONFIG_PASSPHRASE=")
            .And.Contain("PULUMI_CONFIG_PASSPHRASE_FILE"));
        Assert.That(_harness.Opened, Is.Empty);
    }

    [TestCase(WorkspaceSettings.PassphraseVariable, "secret")]
    [TestCase(WorkspaceSettings.PassphraseVariable, "")]
    [TestCase(WorkspaceSettings.PassphraseFileVariable, "/run/secrets/passphrase")]
    public async Task A_passphrase_or_passphrase_file_satisfies_a_file_backend(string variable, string value)
    {
        _harness.Variables.Remove(WorkspaceSettings.PassphraseVariable);
        _harness.Variables[variable] = value;

        Assert.That(await _harness.RunAsync("outputs"), Is.EqualTo(ExitCodes.Success), _harness.StdErr);
    }

    [Test]
    public async Task A_non_file_backend_needs_no_passphrase()
    {
        _harness.Variables.Remove(WorkspaceSettings.PassphraseVariable);

        Assert.That(await _harness.RunAsync("outputs", "--backend-url", "s3://state"), Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public async Task Listing_stacks_needs_no_passphrase()
    {
        _harness.Variables.Remove(WorkspaceSettings.PassphraseVariable);

        Assert.That(await _harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Success), _harness.StdErr);
    }
}
