using Moq;
using OrdersPipeline.Deployer.Cli.Build;
using OrdersPipeline.Deployer.Cli.Operations;
using OrdersPipeline.Deployer.Cli.Tests.Support;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Cli.Tests;

/// <summary>preview and up build the Functions package first; commands that do not run the program do not.</summary>
public sealed class FunctionsBuildTests
{
    private DeployerHarness _harness = null!;
    private List<string> _calls = null!;

    [SetUp]
    public void SetUp()
    {
        _harness = new DeployerHarness();
        _calls = [];
        _harness.FunctionsBuilder.Setup(builder => builder.BuildAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("build"))
            .ReturnsAsync(new FunctionsBuildResult(true, TimeSpan.FromSeconds(7.5), "/repo/artifacts/functions", ""));
        _harness.Operations.Setup(operations => operations.PreviewAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("preview"))
            .ReturnsAsync(ChangeSummary.Empty);
        _harness.Operations.Setup(operations => operations.UpAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("up"))
            .ReturnsAsync(new UpOutcome(ChangeSummary.Empty, new Dictionary<string, StackOutput>()));
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [TestCase("preview")]
    [TestCase("up")]
    public async Task The_package_is_built_in_the_repository_before_the_program_runs(string command)
    {
        var exitCode = await _harness.RunAsync(command);

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        Assert.That(_calls, Is.EqualTo(new[] { "build", command }));
        _harness.FunctionsBuilder.Verify(builder => builder.BuildAsync(_harness.RepoRoot, It.IsAny<CancellationToken>()));
        Assert.That(_harness.Console.StdErr, Does.Contain("Built the Functions package in 7.5s"));
    }

    [TestCase("destroy", "--yes")]
    [TestCase("refresh")]
    [TestCase("outputs")]
    [TestCase("stacks")]
    [TestCase("remove", "--yes")]
    public async Task Commands_that_do_not_run_the_program_do_not_build(params string[] args)
    {
        var exitCode = await _harness.RunAsync(args);

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        _harness.FunctionsBuilder.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_failed_build_is_1_and_the_program_does_not_run()
    {
        _harness.FunctionsBuilder.Setup(builder => builder.BuildAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new FunctionsBuildResult(false, TimeSpan.FromSeconds(2), "/x", "error CS1002: ; expected"));

        var exitCode = await _harness.RunAsync("up");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(_harness.Console.StdErr, Does.Contain("CS1002").And.Contain(FunctionsPackage.BuildCommand));
        Assert.That(_calls, Does.Not.Contain("up"));
    }

    [Test]
    public async Task The_dotnet_builder_runs_the_publish_arguments_and_times_them()
    {
        var clock = new ManualClock();
        var runner = new Mock<IProcessRunner>(MockBehavior.Strict);
        runner.Setup(r => r.RunAsync("dotnet", It.IsAny<IReadOnlyList<string>>(), "/repo", It.IsAny<CancellationToken>()))
            .Callback(() => clock.Advance(TimeSpan.FromSeconds(12)))
            .ReturnsAsync(new ProcessRunResult(0, "Restored\nBuilt\n"));

        var result = await new DotnetFunctionsBuilder(runner.Object, clock).BuildAsync("/repo", CancellationToken.None);

        runner.Verify(r => r.RunAsync(
            "dotnet",
            It.Is<IReadOnlyList<string>>(arguments => arguments.SequenceEqual(FunctionsPackage.PublishArguments("/repo"))),
            "/repo",
            It.IsAny<CancellationToken>()));
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(result.PublishDirectory, Is.EqualTo(FunctionsPackage.PublishDirectory("/repo")));
    }

    [Test]
    public async Task A_non_zero_exit_is_a_failed_build_with_the_output_tail()
    {
        var runner = new Mock<IProcessRunner>();
        runner.Setup(r => r.RunAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<string>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProcessRunResult(1, string.Join('\n', Enumerable.Range(1, 50).Select(i => $"line {i}"))));

        var result = await new DotnetFunctionsBuilder(runner.Object, new ManualClock())
            .BuildAsync("/repo", CancellationToken.None);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.OutputTail, Does.Contain("line 50").And.Contain("line 31").And.Not.Contain("line 30"));
    }
}
