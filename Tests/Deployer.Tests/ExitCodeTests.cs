using OrdersPipeline.Deployer.Tests.Support;
using OrdersPipeline.Infra.Definitions;
using Pulumi.Automation;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>0 success, 1 operation failed, 2 usage or config error, 130 cancelled; never a stack trace.</summary>
public sealed class ExitCodeTests
{
    private DeployerHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new DeployerHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task Success_is_0()
    {
        Assert.That(await _harness.RunAsync("up"), Is.EqualTo(ExitCodes.Success), _harness.StdErr);
    }

    [Test]
    public async Task A_failure_carries_its_exit_code_and_message()
    {
        _harness.Workspace.Failures["up"] =
            new DeployerException(ExitCodes.OperationFailed, "creating table: AccessDenied");

        Assert.That(await _harness.RunAsync("up"), Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(_harness.StdErr, Does.Contain("error: creating table: AccessDenied"));
    }

    [Test]
    public async Task Engine_error_diagnostics_are_reported_once_instead_of_the_exit_status()
    {
        _harness.Workspace.Running = (options, _) =>
        {
            options.OnEvent!(PulumiTypes.Diagnostic("error", "No valid credential sources found"));
            throw new DeployerException(ExitCodes.OperationFailed, "code: 255");
        };

        Assert.That(await _harness.RunAsync("up"), Is.EqualTo(ExitCodes.OperationFailed));
        var stderr = _harness.StdErr;
        Assert.That(stderr, Does.Contain("error: No valid credential sources found")
            .And.Contain("see the errors above").And.Not.Contain("code: 255"));
        Assert.That(stderr.Split("No valid credential").Length - 1, Is.EqualTo(1));
    }

    [Test]
    public async Task An_unexpected_exception_is_1_without_a_stack_trace()
    {
        _harness.Workspace.Failures["up"] = new InvalidOperationException("the program broke");

        Assert.That(await _harness.RunAsync("up"), Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(_harness.StdErr, Does.Contain("error: the program broke").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Invalid_config_the_program_refuses_is_2()
    {
        _harness.Workspace.Failures["up"] =
            new AggregateException(new ConfigValidationException(["Config 'orders-pipeline:team' is required."]));

        Assert.That(await _harness.RunAsync("up"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.StdErr, Does.Contain("error: Config 'orders-pipeline:team' is required."));
    }

    [Test]
    public async Task A_missing_functions_package_is_2()
    {
        _harness.Workspace.Failures["up"] = new FunctionsPackageMissingException("Build it with `dotnet publish …`.");

        Assert.That(await _harness.RunAsync("up"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.StdErr, Does.Contain("error: Build it with"));
    }

    [Test]
    public async Task A_missing_Pulumi_CLI_or_stack_is_2()
    {
        _harness.Workspace.Failures["stacks"] =
            new DeployerException(ExitCodes.UsageOrConfig, "The Pulumi CLI was not found");

        Assert.That(await _harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.StdErr, Does.Contain("error: The Pulumi CLI was not found"));
    }

    [TestCase("deploy")]
    [TestCase("up", "--colour")]
    [TestCase("up", "--stack", "bad name!")]
    [TestCase("outputs", "--config", "team=x")]
    [TestCase("refresh", "--refresh")]
    [TestCase("stacks", "--stack", "dev")]
    public async Task A_command_line_that_does_not_parse_is_2(params string[] args)
    {
        Assert.That(await _harness.RunAsync(args), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.StdErr, Does.Contain("error: ").And.Contain("--help"));
        Assert.That(_harness.Opened, Is.Empty);
    }

    [Test]
    public async Task No_command_is_2()
    {
        Assert.That(await _harness.RunAsync(), Is.EqualTo(ExitCodes.UsageOrConfig));
    }

    [Test]
    public async Task Help_is_0_and_lists_the_seven_commands()
    {
        Assert.That(await _harness.RunAsync("--help"), Is.EqualTo(ExitCodes.Success));
        foreach (var command in new[] { "preview", "up", "destroy", "refresh", "outputs", "stacks", "remove" })
        {
            Assert.That(_harness.StdOut, Does.Contain($"  {command} "));
        }
    }

    [Test]
    public async Task Running_outside_the_repository_is_2()
    {
        _harness.CurrentDirectory = Path.GetTempPath();

        Assert.That(await _harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.StdErr, Does.Contain("Functions/OrdersPipeline.Functions.csproj"));
        Assert.That(_harness.Opened, Is.Empty);
    }

    [Test]
    public async Task Cancelling_a_running_operation_is_130()
    {
        using var cancellation = new CancellationTokenSource();
        _harness.Workspace.Running = async (_, token) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
        };

        Assert.That(await _harness.RunAsync(cancellation.Token, "up"), Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(_harness.StdErr, Does.Contain("Cancelled").And.Contain("refresh"));
    }

    [Test]
    public async Task Cancellation_wins_over_the_exception_the_engine_throws_while_stopping()
    {
        using var cancellation = new CancellationTokenSource();
        _harness.Workspace.Running = async (_, _) =>
        {
            await cancellation.CancelAsync();
            throw new DeployerException(ExitCodes.OperationFailed, "killed");
        };

        Assert.That(await _harness.RunAsync(cancellation.Token, "up"), Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(_harness.StdErr, Does.Not.Contain("killed"));
    }
}
