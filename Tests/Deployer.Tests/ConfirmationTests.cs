using OrdersPipeline.Deployer.Tests.Support;
using OrdersPipeline.Deployer.Engine;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>destroy and remove ask first; --yes skips the question; with nobody to answer they refuse. A protected
/// stack is never destroyed.</summary>
public sealed class ConfirmationTests : DeployerFixture
{
    [Test]
    public async Task Destroy_proceeds_when_the_user_answers_yes()
    {
        Harness.AttachTerminal(true);

        Assert.That(await Harness.RunAsync("destroy"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.Prompt.Questions.Single(), Does.StartWith("Destroy every resource of stack 'dev'"));
        Assert.That(Harness.Workspace.Calls, Does.Contain("destroy dev"));
    }

    [Test]
    public async Task Destroy_stops_with_130_when_the_user_does_not_answer_yes()
    {
        Harness.AttachTerminal(false);

        Assert.That(await Harness.RunAsync("destroy"), Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(Harness.StdErr, Does.Contain("nothing was changed").And.Not.Contain("error:"));
        Assert.That(Harness.Workspace.Calls, Does.Not.Contain("destroy dev"));
    }

    [Test]
    public async Task Destroy_with_yes_does_not_ask()
    {
        Harness.AttachTerminal(false);

        Assert.That(await Harness.RunAsync("destroy", "--yes"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.Prompt.Questions, Is.Empty);
    }

    [Test]
    public async Task Destroy_without_a_terminal_or_yes_refuses_with_2()
    {
        Assert.That(await Harness.RunAsync("destroy", "--stack", "local"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain("no terminal")
            .And.Contain("dotnet run --project Deployer -- destroy --stack local --yes"));
        Assert.That(Harness.Workspace.Calls, Does.Not.Contain("destroy local"));
    }

    [Test]
    public async Task Remove_asks_before_opening_the_workspace()
    {
        Harness.AttachTerminal(false);

        Assert.That(await Harness.RunAsync("remove", "--stack", "old"), Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(Harness.Prompt.Questions.Single(), Does.Contain("Remove stack 'old'"));
        Assert.That(Harness.Opened, Is.Empty);
    }

    [Test]
    public async Task Remove_without_a_terminal_or_yes_refuses_with_2()
    {
        Assert.That(await Harness.RunAsync("remove", "--stack", "old"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.Workspace.Calls, Is.Empty);
    }

    [Test]
    public async Task Up_never_asks()
    {
        Harness.AttachTerminal(false);

        Assert.That(await Harness.RunAsync("up"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.Prompt.Questions, Is.Empty);
    }

    [TestCase("true")]
    [TestCase(" True")]
    public async Task A_protected_stack_refuses_destroy_before_asking(string protect)
    {
        Harness.Workspace.StoredConfig["orders-pipeline:protect"] = new(protect, IsSecret: false);
        Harness.AttachTerminal(true);

        Assert.That(await Harness.RunAsync("destroy", "--stack", "prod"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain("Refusing to destroy stack 'prod'")
            .And.Contain("orders-pipeline:protect").And.Contain("--config protect=false"));
        Assert.That(Harness.Prompt.Questions, Is.Empty);
        Assert.That(Harness.Workspace.Calls, Does.Not.Contain("destroy prod"));
    }

    [Test]
    public async Task Yes_does_not_override_protection()
    {
        Harness.Workspace.StoredConfig["orders-pipeline:protect"] = new("true", IsSecret: false);

        Assert.That(await Harness.RunAsync("destroy", "--yes"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.Workspace.Calls, Does.Not.Contain("destroy dev"));
    }

    [Test]
    public async Task An_unprotected_stack_can_be_destroyed()
    {
        Harness.Workspace.StoredConfig["orders-pipeline:protect"] = new("false", IsSecret: false);

        Assert.That(await Harness.RunAsync("destroy", "--yes"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
    }
}
