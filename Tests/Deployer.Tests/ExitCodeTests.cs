using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Deployer.Tests.Support;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>0 success, 1 operation failed, 2 usage or config error, 3 environment problem, 130 cancelled; never a
/// stack trace.</summary>
public sealed class ExitCodeTests : DeployerFixture
{
    [Test]
    public async Task Success_is_0()
    {
        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
    }

    [Test]
    public async Task A_failure_carries_its_exit_code_and_message()
    {
        Harness.Workspace.Failures["up"] =
            new DeployerException(ExitCodes.OperationFailed, "creating table: AccessDenied");

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(Harness.StdErr, Does.Contain("error: creating table: AccessDenied"));
    }

    [Test]
    public async Task Engine_error_diagnostics_are_reported_once_instead_of_the_exit_status()
    {
        Harness.Workspace.Running = (options, _) =>
        {
            options.OnProgress(Progress.Diagnostic("error", "No valid credential sources found"));
            throw new DeployerException(ExitCodes.OperationFailed, "code: 255");
        };

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.OperationFailed));
        var stderr = Harness.StdErr;
        Assert.That(stderr, Does.Contain("error: No valid credential sources found")
            .And.Contain("see the errors above").And.Not.Contain("code: 255"));
        Assert.That(stderr.Split("No valid credential").Length - 1, Is.EqualTo(1));
    }

    [Test]
    public async Task An_unexpected_exception_is_1_without_a_stack_trace()
    {
        Harness.Workspace.Failures["up"] = new InvalidOperationException("the program broke");

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(Harness.StdErr, Does.Contain("error: the program broke").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Invalid_config_the_program_refuses_is_2()
    {
        Harness.Workspace.Failures["up"] =
            new AggregateException(new ConfigValidationException(["Config 'orders-pipeline:team' is required."]));

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain("error: Config 'orders-pipeline:team' is required."));
    }

    [Test]
    public async Task A_missing_functions_package_is_2()
    {
        Harness.Workspace.Failures["up"] = new FunctionsPackageMissingException("Build it with `dotnet publish …`.");

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain("error: Build it with"));
    }

    [Test]
    public async Task Every_environment_problem_has_the_one_exit_code_3()
    {
        var outside = Path.GetTempPath();
        var problems = new (string Name, Action Arrange, string[] Args)[]
        {
            ("no CLI", () => Harness.Workspace.Failures["stacks"] = new EngineMissingException("not found"),
                ["stacks"]),
            ("unusable CLI", () => Harness.Workspace.Failures["stacks"] = new EngineUnusableException("too old"),
                ["stacks"]),
            ("no network for --install-cli", () => Harness.Workspace.Failures["stacks"] =
                new EngineInstallException("https://get.pulumi.com/install.sh", "~/.pulumi/versions", "no DNS"),
                ["stacks", "--install-cli"]),
            ("no passphrase", () => Harness.Variables.Remove(WorkspaceSettings.PassphraseVariable), ["outputs"]),
            ("outside the repository", () => Harness.CurrentDirectory = outside, ["stacks"]),
        };

        foreach (var (name, arrange, args) in problems)
        {
            ResetHarness();
            arrange();
            Assert.That(await Harness.RunAsync(args), Is.EqualTo(ExitCodes.Environment), name);
        }
    }

    [TestCase("deploy")]
    [TestCase("up", "--colour")]
    [TestCase("up", "--stack", "bad name!")]
    [TestCase("outputs", "--config", "team=x")]
    [TestCase("refresh", "--refresh")]
    [TestCase("stacks", "--stack", "dev")]
    public async Task A_command_line_that_does_not_parse_is_2(params string[] args)
    {
        Assert.That(await Harness.RunAsync(args), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain("error: ").And.Contain("--help"));
        Assert.That(Harness.Opened, Is.Empty);
    }

    [Test]
    public async Task No_command_is_2()
    {
        Assert.That(await Harness.RunAsync(), Is.EqualTo(ExitCodes.UsageOrConfig));
    }

    [Test]
    public async Task Help_is_0_and_lists_the_eight_commands()
    {
        Assert.That(await Harness.RunAsync("--help"), Is.EqualTo(ExitCodes.Success));
        foreach (var command in new[] { "preview", "up", "destroy", "refresh", "outputs", "stacks", "remove", "check" })
        {
            Assert.That(Harness.StdOut, Does.Contain($"  {command} "));
        }
    }

    [Test]
    public async Task Running_outside_the_repository_is_an_environment_problem()
    {
        Harness.CurrentDirectory = Path.GetTempPath();

        Assert.That(await Harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Environment));
        Assert.That(Harness.StdErr, Does.Contain("Functions/Lambda/OrdersPipeline.Functions.csproj"));
        Assert.That(Harness.Opened, Is.Empty);
    }

    [Test]
    public async Task Cancelling_a_running_operation_is_130()
    {
        using var cancellation = new CancellationTokenSource();
        Harness.Workspace.Running = async (_, token) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
        };

        Assert.That(await Harness.RunAsync(cancellation.Token, "up"), Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(Harness.StdErr, Does.Contain("Cancelled").And.Contain("refresh"));
    }

    [Test]
    public async Task Cancellation_wins_over_the_exception_the_engine_throws_while_stopping()
    {
        using var cancellation = new CancellationTokenSource();
        Harness.Workspace.Running = async (_, _) =>
        {
            await cancellation.CancelAsync();
            throw new DeployerException(ExitCodes.OperationFailed, "killed");
        };

        Assert.That(await Harness.RunAsync(cancellation.Token, "up"), Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(Harness.StdErr, Does.Not.Contain("killed"));
    }
}
