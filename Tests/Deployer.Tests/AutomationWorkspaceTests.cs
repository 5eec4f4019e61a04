using System.ComponentModel;
using OrdersPipeline.Deployer.Automation;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>How the Automation adapter reports Pulumi's failures.</summary>
public sealed class AutomationWorkspaceTests
{
    [Test]
    public void A_missing_Pulumi_CLI_is_2_with_how_to_install_it()
    {
        var failure = AutomationWorkspace.Translate(new Win32Exception(2), "dev", "file:///state");

        Assert.That(failure, Is.TypeOf<DeployerException>());
        Assert.That(((DeployerException)failure).ExitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(failure.Message, Does.Contain(AutomationWorkspace.InstallCommand).And.Contain("--install-cli"));
    }

    [Test]
    public void Other_exceptions_pass_through_unchanged()
    {
        var programFailure = new InvalidOperationException("the program broke");

        Assert.That(AutomationWorkspace.Translate(programFailure, "dev", "file:///state"), Is.SameAs(programFailure));
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
