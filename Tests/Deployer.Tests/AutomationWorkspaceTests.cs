using System.ComponentModel;
using OrdersPipeline.Deployer.Automation;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>How Pulumi's failures are reported.</summary>
public sealed class AutomationWorkspaceTests
{
    [Test]
    public async Task A_missing_Pulumi_CLI_is_2_with_how_to_install_it()
    {
        using var harness = new DeployerHarness();
        harness.Workspace.Failures["stacks"] = new Win32Exception(2, "No such file or directory");

        Assert.That(await harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(harness.StdErr, Does.Contain("error: The Pulumi CLI was not found on PATH")
            .And.Contain(AutomationWorkspace.InstallCommand).And.Contain("--install-cli"));
    }

    [Test]
    public void The_stderr_part_of_a_command_report_is_the_message()
    {
        var report = "code: 255\nstdout: Previewing update (dev)\n\nstderr: error: no stack named 'x' found\n";

        Assert.That(AutomationWorkspace.StderrOf(report), Is.EqualTo("error: no stack named 'x' found"));
    }

    [Test]
    public void Without_stderr_the_whole_report_is_kept()
    {
        Assert.That(AutomationWorkspace.StderrOf("  code: 255\nstdout: x\nstderr: \n"),
            Is.EqualTo("code: 255\nstdout: x\nstderr:"));
    }
}
