using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>--backend-url, else PULUMI_BACKEND_URL, else file://~/.orders-pipeline/state; a file backend needs a
/// passphrase from the environment, checked before the workspace opens.</summary>
public sealed class BackendTests : DeployerFixture
{
    [Test]
    public async Task The_option_wins_over_the_environment_which_wins_over_the_default()
    {
        await Harness.RunAsync("outputs");
        Harness.Variables[WorkspaceSettings.BackendUrlVariable] = "s3://from-env";
        await Harness.RunAsync("outputs");
        await Harness.RunAsync("outputs", "--backend-url", "s3://from-option");

        Assert.That(Harness.Opened.Select(settings => settings.BackendUrl), Is.EqualTo(new[]
        {
            $"file://{Harness.HomeDirectory}/.orders-pipeline/state", "s3://from-env", "s3://from-option",
        }));
    }

    [Test]
    public async Task A_file_backend_s_folder_is_created_before_the_workspace_opens()
    {
        Assert.That(await Harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(await Harness.RunAsync("stacks", "--backend-url", "file://~/elsewhere/state"),
            Is.EqualTo(ExitCodes.Success), Harness.StdErr);

        Assert.That(Directory.Exists(Path.Combine(Harness.HomeDirectory, ".orders-pipeline", "state")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(Harness.HomeDirectory, "elsewhere", "state")), Is.True);
    }

    [Test]
    public async Task Another_backend_gets_no_local_folder()
    {
        Assert.That(await Harness.RunAsync("stacks", "--backend-url", "s3://state"), Is.EqualTo(ExitCodes.Success));
        Assert.That(Directory.Exists(Harness.HomeDirectory), Is.False);
    }

    [Test]
    public async Task A_file_backend_without_a_passphrase_is_an_environment_problem_before_the_workspace_opens()
    {
        Harness.Variables.Remove(WorkspaceSettings.PassphraseVariable);

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.Environment));
        Assert.That(Harness.StdErr, Does.Contain("export PULUMI_CONFIG_PASSPHRASE=")
            .And.Contain("PULUMI_CONFIG_PASSPHRASE_FILE"));
        Assert.That(Harness.Opened, Is.Empty);
    }

    [TestCase(WorkspaceSettings.PassphraseVariable, "secret")]
    [TestCase(WorkspaceSettings.PassphraseVariable, "")]
    [TestCase(WorkspaceSettings.PassphraseFileVariable, "/run/secrets/passphrase")]
    public async Task A_passphrase_or_passphrase_file_satisfies_a_file_backend(string variable, string value)
    {
        Harness.Variables.Remove(WorkspaceSettings.PassphraseVariable);
        Harness.Variables[variable] = value;

        Assert.That(await Harness.RunAsync("outputs"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
    }

    [Test]
    public async Task A_non_file_backend_needs_no_passphrase()
    {
        Harness.Variables.Remove(WorkspaceSettings.PassphraseVariable);

        Assert.That(await Harness.RunAsync("outputs", "--backend-url", "s3://state"), Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public async Task Listing_stacks_needs_no_passphrase()
    {
        Harness.Variables.Remove(WorkspaceSettings.PassphraseVariable);

        Assert.That(await Harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
    }

    [Test]
    public async Task A_failed_run_leaves_no_empty_state_folder_behind()
    {
        Harness.Workspace.Failures["stacks"] = new EngineMissingException("not found");

        Assert.That(await Harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Environment));
        Assert.That(Directory.Exists(Path.Combine(Harness.HomeDirectory, ".orders-pipeline")), Is.False);
    }

    [Test]
    public async Task A_failed_run_keeps_a_state_folder_that_holds_state_or_existed_before()
    {
        var state = Path.Combine(Harness.HomeDirectory, ".orders-pipeline", "state");
        Harness.Workspace.Failures["stacks"] = new EngineMissingException("not found");
        Harness.Workspace.Running = (_, _) =>
        {
            File.WriteAllText(Path.Combine(state, "stack.json"), "{}");
            throw new EngineCommandException("AccessDenied");
        };

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(await Harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Environment));
        Assert.That(File.Exists(Path.Combine(state, "stack.json")), Is.True);

        ResetHarness();
        var empty = Path.Combine(Harness.HomeDirectory, ".orders-pipeline", "state");
        Directory.CreateDirectory(empty);
        Harness.Workspace.Failures["stacks"] = new EngineMissingException("not found");
        Assert.That(await Harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Environment));
        Assert.That(Directory.Exists(empty), Is.True);
    }
}
