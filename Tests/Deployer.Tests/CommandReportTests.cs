using OrdersPipeline.Deployer.Engine;

namespace OrdersPipeline.Deployer.Tests;

public sealed class CommandReportTests
{
    [Test]
    public void The_stderr_part_of_a_command_report_is_the_message()
    {
        var report = "code: 255\nstdout: Previewing update (dev)\n\nstderr: error: no stack named 'x' found\n";

        Assert.That(CommandReport.StderrOf(report), Is.EqualTo("error: no stack named 'x' found"));
    }

    [Test]
    public void Without_stderr_the_whole_report_is_kept()
    {
        Assert.That(CommandReport.StderrOf("  code: 255\nstdout: x\nstderr: \n"),
            Is.EqualTo("code: 255\nstdout: x\nstderr:"));
    }
}
