using Moq;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Deployer.Tests.Support;
using OrdersPipeline.Infra.Definitions;

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
        Assert.That(await _harness.RunAsync("up"), Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
    }

    [Test]
    public async Task An_engine_failure_is_1_with_the_engine_message()
    {
        SetUpFailingUp(new DeployerException(FailureKind.OperationFailed, "error: creating table: AccessDenied"));

        var exitCode = await _harness.RunAsync("up");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(_harness.Console.StdErr, Does.Contain("AccessDenied"));
    }

    [Test]
    public async Task Engine_error_diagnostics_are_reported_once_instead_of_the_exit_status()
    {
        _harness.Operations.Setup(operations => operations.UpAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .Returns<StackUpdateRequest, IOperationObserver, CancellationToken>((_, observer, _) =>
            {
                observer.OnMessage(new EngineMessage(MessageSeverity.Error, "No valid credential sources found", null));
                throw new DeployerException(FailureKind.OperationFailed, "code: 255");
            });

        var exitCode = await _harness.RunAsync("up");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.OperationFailed));
        var stderr = _harness.Console.StdErr;
        Assert.That(stderr, Does.Contain("error: No valid credential sources found"));
        Assert.That(stderr.Split("No valid credential").Length - 1, Is.EqualTo(1));
        Assert.That(stderr, Does.Not.Contain("code: 255"));
    }

    [Test]
    public async Task An_unexpected_exception_is_1_without_a_stack_trace()
    {
        SetUpFailingUp(new InvalidOperationException("the program broke"));

        var exitCode = await _harness.RunAsync("up");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(_harness.Console.StdErr, Does.Contain("error: the program broke").And.Not.Contain("   at "));
    }

    [Test]
    public async Task A_config_error_raised_by_the_program_is_2()
    {
        SetUpFailingUp(new Exception("wrapper", new ConfigValidationException(["Config 'orders-pipeline:team' bad"])));

        var exitCode = await _harness.RunAsync("up");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.Console.StdErr, Does.Contain("orders-pipeline:team"));
    }

    [Test]
    public async Task A_missing_Pulumi_CLI_is_2_with_the_adapters_message()
    {
        _harness.Operations.Setup(operations => operations.ListStacksAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DeployerException(FailureKind.PulumiCliMissing, "The Pulumi CLI was not found. Install it"));

        var exitCode = await _harness.RunAsync("stacks");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.Console.StdErr, Does.Contain("Pulumi CLI was not found"));
    }

    [Test]
    public async Task A_missing_stack_is_2()
    {
        _harness.Operations.Setup(operations => operations.GetOutputsAsync("nope", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DeployerException(FailureKind.StackNotFound, "No stack named 'nope'"));

        Assert.That(await _harness.RunAsync("outputs", "--stack", "nope"), Is.EqualTo(ExitCodes.UsageOrConfig));
    }

    [Test]
    public async Task A_concurrent_update_is_1()
    {
        SetUpFailingUp(new DeployerException(FailureKind.ConcurrentUpdate, "locked"));

        Assert.That(await _harness.RunAsync("up"), Is.EqualTo(ExitCodes.OperationFailed));
    }

    [TestCase("deploy")]
    [TestCase("up", "--colour")]
    [TestCase("up", "--stack", "bad name!")]
    [TestCase("outputs", "--config", "team=x")]
    public async Task A_command_line_that_does_not_parse_is_2(params string[] args)
    {
        var exitCode = await _harness.RunAsync(args);

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.Console.StdErr, Does.Contain("--help"));
        _harness.Factory.Verify(factory => factory.Create(It.IsAny<WorkspaceSettings>()), Times.Never);
    }

    [Test]
    public async Task No_command_is_2()
    {
        Assert.That(await _harness.RunAsync(), Is.EqualTo(ExitCodes.UsageOrConfig));
    }

    [Test]
    public async Task Help_is_0_and_lists_the_commands()
    {
        var exitCode = await _harness.RunAsync("--help");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(_harness.Console.StdOut, Does.Contain("preview").And.Contain("destroy").And.Contain("remove"));
    }

    [Test]
    public async Task Running_outside_the_repository_is_2()
    {
        var elsewhere = Directory.CreateTempSubdirectory("deployer-elsewhere-").FullName;
        try
        {
            var environment = new FakeEnvironment(elsewhere, "/home/tester");
            environment.Variables[DeployerHarness.Passphrase] = "x";

            var exitCode = await DeployerCli.RunAsync(
                ["stacks"],
                new Commands.DeployerServices(_harness.Console, environment, _harness.Factory.Object,
                    _harness.Clock),
                CancellationToken.None);

            Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
            Assert.That(_harness.Console.StdErr, Does.Contain("Pulumi.yaml"));
        }
        finally
        {
            Directory.Delete(elsewhere);
        }
    }

    [Test]
    public async Task Cancelling_a_running_operation_is_130()
    {
        using var cancellation = new CancellationTokenSource();
        _harness.Operations.Setup(operations => operations.UpAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .Returns<StackUpdateRequest, IOperationObserver, CancellationToken>(async (_, _, token) =>
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
                return null!;
            });

        var exitCode = await _harness.RunAsync(cancellation.Token, "up");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(_harness.Console.StdErr, Does.Contain("Cancelled").And.Contain("refresh"));
    }

    [Test]
    public async Task Cancellation_wins_over_the_exception_the_engine_throws_while_stopping()
    {
        using var cancellation = new CancellationTokenSource();
        _harness.Operations.Setup(operations => operations.UpAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .Returns<StackUpdateRequest, IOperationObserver, CancellationToken>(async (_, _, _) =>
            {
                await cancellation.CancelAsync();
                throw new DeployerException(FailureKind.OperationFailed, "killed");
            });

        Assert.That(await _harness.RunAsync(cancellation.Token, "up"), Is.EqualTo(ExitCodes.Cancelled));
    }

    private void SetUpFailingUp(Exception exception) =>
        _harness.Operations.Setup(operations => operations.UpAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(exception);
}
