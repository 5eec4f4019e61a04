using OrdersPipeline.Deployer.Commands;
using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>How the engine's failures, as the workspace port reports them, are explained and which exit code each
/// ends the command with.</summary>
public sealed class EngineFailureTests : DeployerFixture
{
    [Test]
    public async Task A_missing_Pulumi_CLI_is_an_environment_problem_with_how_to_install_it()
    {
        Harness.Workspace.Failures["stacks"] = new EngineMissingException("No such file or directory");

        Assert.That(await Harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Environment));
        Assert.That(Harness.StdErr, Does.Contain("error: The Pulumi CLI was not found on PATH")
            .And.Contain(EngineFailures.InstallCommand).And.Contain("--install-cli"));
    }

    [Test]
    public async Task An_unusable_Pulumi_CLI_is_an_environment_problem_with_the_reason_and_how_to_update_it()
    {
        Harness.Workspace.Failures["config"] = new EngineUnusableException("Pulumi CLI 3.1.0 is older than 3.112.0.");

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.Environment));
        Assert.That(Harness.StdErr, Does.Contain(
                "error: The Pulumi CLI cannot be used: Pulumi CLI 3.1.0 is older than 3.112.0. Update it with `")
            .And.Contain("--install-cli"));
    }

    [Test]
    public async Task An_install_that_cannot_download_names_what_it_tried_from_where_and_what_to_do()
    {
        Harness.Workspace.Failures["stacks"] = new EngineInstallException(
            "https://get.pulumi.com/install.sh", "/home/u/.pulumi/versions/<version>",
            "Name or service not known (get.pulumi.com:443)");

        Assert.That(await Harness.RunAsync("stacks", "--install-cli"), Is.EqualTo(ExitCodes.Environment));
        Assert.That(Harness.StdErr, Does.Contain("--install-cli could not install the Pulumi CLI")
            .And.Contain("install script from https://get.pulumi.com/install.sh")
            .And.Contain("in /home/u/.pulumi/versions/<version>")
            .And.Contain("that failed: Name or service not known (get.pulumi.com:443)")
            .And.Contain("no internet access").And.Contain(EngineFailures.InstallCommand)
            .And.Contain(EngineFailures.ReleasesUrl).And.Contain("without --install-cli"));
    }

    [Test]
    public async Task A_missing_stack_is_2_naming_the_stack_the_backend_and_how_to_create_it()
    {
        Harness.Workspace.Failures["outputs"] = new StackMissingException("error: no stack named 'qa' found");

        Assert.That(await Harness.RunAsync("outputs", "--stack", "qa"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain(
                $"error: There is no stack named 'qa' in file://{Harness.HomeDirectory}/.orders-pipeline/state.")
            .And.Contain("`up --stack qa` creates it"));
    }

    [Test]
    public async Task A_locked_stack_is_1_with_how_to_release_the_lock_and_the_engine_reason()
    {
        Harness.Workspace.Failures["up"] = new StackLockedException("the stack is currently locked by 1 lock(s)");

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(Harness.StdErr, Does.Contain("error: Stack 'dev' is locked by another update.")
            .And.Contain(".pulumi/locks").And.Contain("`pulumi cancel`")
            .And.Contain(Environment.NewLine + "the stack is currently locked by 1 lock(s)"));
    }

    [Test]
    public async Task A_failed_engine_command_is_1_with_the_engine_reason()
    {
        Harness.Workspace.Failures["destroy"] = new EngineCommandException("the bucket is not empty");

        Assert.That(await Harness.RunAsync("destroy", "--yes"), Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(Harness.StdErr, Does.Contain("error: the bucket is not empty").And.Not.Contain("   at "));
    }
}
