namespace OrdersPipeline.Deployer.Errors;

/// <summary>Pulls the useful part out of a failed Pulumi command's report, which reads
/// <c>code: N\nstdout: …\nstderr: …</c>: the stderr text, else the last lines of stdout.</summary>
public static class CommandResultText
{
    private const string StdoutMarker = "stdout: ";
    private const string StderrMarker = "stderr: ";
    private const int StdoutTailLines = 15;

    public static string Extract(string report)
    {
        var stderrAt = report.LastIndexOf(StderrMarker, StringComparison.Ordinal);
        var stdoutAt = report.IndexOf(StdoutMarker, StringComparison.Ordinal);
        if (stderrAt < 0 || stdoutAt < 0 || stdoutAt > stderrAt)
        {
            return report.Trim();
        }

        var stderr = report[(stderrAt + StderrMarker.Length)..].Trim();
        if (stderr.Length > 0)
        {
            return stderr;
        }

        var stdout = report[(stdoutAt + StdoutMarker.Length)..stderrAt]
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return stdout.Length > 0 ? string.Join(Environment.NewLine, stdout.TakeLast(StdoutTailLines)) : report.Trim();
    }
}
