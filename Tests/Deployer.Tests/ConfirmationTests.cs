using Moq;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>destroy and remove ask first; --yes skips the question; with nobody to answer they refuse.</summary>
public sealed class ConfirmationTests
{
    private DeployerHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new DeployerHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [TestCase("y")]
    [TestCase("YES")]
    public async Task Destroy_proceeds_when_the_user_answers_yes(string answer)
    {
        _harness.Console.AttachTerminal(answer);

        var exitCode = await _harness.RunAsync("destroy");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        Assert.That(_harness.Console.StdErr, Does.Contain("Destroy every resource of stack 'dev'"));
        VerifyDestroyed(Times.Once());
    }

    [TestCase("n")]
    [TestCase("")]
    [TestCase(null)]
    public async Task Destroy_stops_when_the_user_does_not_answer_yes(string? answer)
    {
        _harness.Console.AttachTerminal(answer);

        var exitCode = await _harness.RunAsync("destroy");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(_harness.Console.StdErr, Does.Contain("nothing was changed"));
        VerifyDestroyed(Times.Never());
    }

    [Test]
    public async Task Destroy_with_yes_does_not_ask()
    {
        _harness.Console.AttachTerminal("n");

        var exitCode = await _harness.RunAsync("destroy", "--yes");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        Assert.That(_harness.Console.PromptsRead, Is.Zero);
        VerifyDestroyed(Times.Once());
    }

    [Test]
    public async Task Destroy_without_a_terminal_or_yes_refuses_with_exit_2()
    {
        _harness.Console.IsInputRedirected = true;

        var exitCode = await _harness.RunAsync("destroy", "--stack", "local");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.Console.StdErr, Does.Contain("--yes").And.Contain("no terminal"));
        Assert.That(_harness.Console.PromptsRead, Is.Zero);
        VerifyDestroyed(Times.Never());
    }

    [Test]
    public async Task Remove_asks_before_touching_the_backend()
    {
        _harness.Console.AttachTerminal("no");

        var exitCode = await _harness.RunAsync("remove", "--stack", "old");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Cancelled));
        _harness.Factory.Verify(factory => factory.Create(It.IsAny<WorkspaceSettings>()), Times.Never);
    }

    [Test]
    public async Task Remove_without_a_terminal_or_yes_refuses_with_exit_2()
    {
        var exitCode = await _harness.RunAsync("remove", "--stack", "old");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        _harness.Operations.Verify(
            operations => operations.RemoveStackAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Up_never_asks()
    {
        var exitCode = await _harness.RunAsync("up");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        Assert.That(_harness.Console.PromptsRead, Is.Zero);
    }

    private void VerifyDestroyed(Times times) =>
        _harness.Operations.Verify(operations => operations.DestroyAsync(
            It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()), times);
}
