using Moq;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>Each command calls the right operation with the options it was given.</summary>
public sealed class CommandRoutingTests
{
    private DeployerHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new DeployerHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task Preview_runs_a_preview_of_the_dev_stack_by_default()
    {
        var exitCode = await _harness.RunAsync("preview");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        _harness.Operations.Verify(operations => operations.PreviewAsync(
            It.Is<StackUpdateRequest>(request => request.StackName == "dev" && request.Config.Count == 0
                                                 && request.Targets.Count == 0 && !request.RefreshFirst),
            It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()), Times.Once);
        _harness.Operations.Verify(operations => operations.UpAsync(
            It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Preview_passes_stack_config_targets_and_refresh()
    {
        var exitCode = await _harness.RunAsync(
            "preview", "--stack", "local", "--config", "batchSize=50", "--config", "orders-pipeline:team=data",
            "--target", "urn:a", "--target", "urn:b", "--refresh");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        _harness.Operations.Verify(operations => operations.PreviewAsync(
            It.Is<StackUpdateRequest>(request =>
                request.StackName == "local"
                && request.RefreshFirst
                && request.Targets.SequenceEqual(new[] { "urn:a", "urn:b" })
                && request.Config.Contains(new ConfigSetting("orders-pipeline:batchSize", "50"))
                && request.Config.Contains(new ConfigSetting("orders-pipeline:team", "data"))),
            It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Up_runs_an_update_and_creates_the_stack_when_missing()
    {
        var exitCode = await _harness.RunAsync("up", "--stack", "local", "--refresh");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        _harness.Operations.Verify(operations => operations.GetConfigAsync("local", true, It.IsAny<CancellationToken>()));
        _harness.Operations.Verify(operations => operations.UpAsync(
            It.Is<StackUpdateRequest>(request => request.StackName == "local" && request.RefreshFirst),
            It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Destroy_selects_an_existing_stack_and_destroys_it()
    {
        var exitCode = await _harness.RunAsync("destroy", "--stack", "local", "--yes", "--target", "urn:x");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        _harness.Operations.Verify(operations => operations.GetConfigAsync("local", false, It.IsAny<CancellationToken>()));
        _harness.Operations.Verify(operations => operations.DestroyAsync(
            It.Is<StackUpdateRequest>(request => request.StackName == "local" && request.Config.Count == 0
                                                 && request.Targets.Single() == "urn:x"),
            It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Refresh_refreshes_the_stack()
    {
        var exitCode = await _harness.RunAsync("refresh", "--stack", "local");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        _harness.Operations.Verify(operations => operations.RefreshAsync(
            It.Is<StackUpdateRequest>(request => request.StackName == "local"),
            It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Outputs_reads_the_stack_outputs()
    {
        var exitCode = await _harness.RunAsync("outputs", "--stack", "local");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        _harness.Operations.Verify(operations => operations.GetOutputsAsync("local", It.IsAny<CancellationToken>()));
        Assert.That(_harness.Console.StdOut, Does.Contain("dev-processed-data-123-backend"));
    }

    [Test]
    public async Task Stacks_lists_the_backend_stacks()
    {
        var exitCode = await _harness.RunAsync("stacks");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        _harness.Operations.Verify(operations => operations.ListStacksAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_harness.Console.StdOut, Does.Contain("dev*").And.Contain("local"));
    }

    [Test]
    public async Task Remove_removes_the_stack()
    {
        var exitCode = await _harness.RunAsync("remove", "--stack", "old", "--yes");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        _harness.Operations.Verify(operations => operations.RemoveStackAsync("old", It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Test]
    public async Task The_workspace_is_rooted_at_the_folder_holding_Pulumi_yaml()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_harness.RepoRoot, "Deployer", "bin")).FullName;
        var exitCode = await RunFromAsync(nested, "outputs");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        Assert.That(_harness.CreatedWith.Single().RepoRoot, Is.EqualTo(_harness.RepoRoot));
    }

    [Test]
    public async Task Install_cli_is_passed_to_the_workspace()
    {
        await _harness.RunAsync("stacks", "--install-cli");

        Assert.That(_harness.CreatedWith.Single().InstallCli, Is.True);
    }

    /// <summary>The same mocks, run from another current directory.</summary>
    private Task<int> RunFromAsync(string currentDirectory, params string[] args)
    {
        var environment = new FakeEnvironment(currentDirectory, _harness.Environment.HomeDirectory);
        foreach (var (name, value) in _harness.Environment.Variables)
        {
            environment.Variables[name] = value;
        }

        return DeployerCli.RunAsync(
            args,
            new Commands.DeployerServices(
                _harness.Console, environment, _harness.Factory.Object, _harness.Clock),
            CancellationToken.None);
    }
}
