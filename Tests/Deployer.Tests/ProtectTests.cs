using Moq;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

public sealed class ProtectTests
{
    [TestCase("true")]
    [TestCase("True")]
    public async Task A_protected_stack_refuses_destroy_before_asking(string protect)
    {
        using var harness = new DeployerHarness();
        harness.StoredConfig["orders-pipeline:protect"] = new StackConfigValue(protect, false);
        harness.Console.AttachTerminal("y");

        var exitCode = await harness.RunAsync("destroy", "--stack", "prod");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(harness.Console.StdErr, Does.Contain("Refusing to destroy stack 'prod'")
            .And.Contain("orders-pipeline:protect").And.Contain("--config protect=false"));
        Assert.That(harness.Console.PromptsRead, Is.Zero);
        harness.Operations.Verify(operations => operations.DestroyAsync(
            It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Yes_does_not_override_protection()
    {
        using var harness = new DeployerHarness();
        harness.StoredConfig["orders-pipeline:protect"] = new StackConfigValue("true", false);

        var exitCode = await harness.RunAsync("destroy", "--yes");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
    }

    [Test]
    public async Task An_unprotected_stack_can_be_destroyed()
    {
        using var harness = new DeployerHarness();
        harness.StoredConfig["orders-pipeline:protect"] = new StackConfigValue("false", false);

        var exitCode = await harness.RunAsync("destroy", "--yes");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), harness.Console.StdErr);
    }
}
