using OrdersPipeline.Deployer.Errors;

namespace OrdersPipeline.Deployer.Tests;

public sealed class CommandResultTextTests
{
    [Test]
    public void The_stderr_part_is_the_message()
    {
        var report = "code: 255\nstdout: Previewing update (dev)\n\nstderr: error: no stack named 'x' found\n";

        Assert.That(CommandResultText.Extract(report), Is.EqualTo("error: no stack named 'x' found"));
    }

    [Test]
    public void Without_stderr_the_tail_of_stdout_is_used()
    {
        var report = "code: 255\nstdout: Updating (dev)\n  error: creating bucket: AccessDenied\n\nstderr: \n";

        Assert.That(CommandResultText.Extract(report),
            Is.EqualTo("Updating (dev)" + Environment.NewLine + "error: creating bucket: AccessDenied"));
    }

    [Test]
    public void Text_of_another_shape_is_kept_whole()
    {
        Assert.That(CommandResultText.Extract("  something else  "), Is.EqualTo("something else"));
    }
}
