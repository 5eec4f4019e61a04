namespace OrdersPipeline.Deployer.Engine;

/// <summary>What a failed engine command reported. The Pulumi CLI's failures read <c>code: N\nstdout: …\nstderr: …</c>,
/// and the stderr part says why; the adapter passes that part as the port's failure message.</summary>
public static class CommandReport
{
    /// <summary>The stderr part of <paramref name="report"/>, or the whole report (trimmed) when it has none.</summary>
    public static string StderrOf(string report)
    {
        var stderrAt = report.LastIndexOf("stderr: ", StringComparison.Ordinal);
        var stderr = stderrAt < 0 ? "" : report[(stderrAt + "stderr: ".Length)..].Trim();
        return stderr.Length > 0 ? stderr : report.Trim();
    }
}
