namespace OrdersPipeline.Deployer.Cli.Build;

/// <summary>Builds the Functions deployment package that the stack uploads (the same publish Infra's build runs).</summary>
public interface IFunctionsBuilder
{
    Task<FunctionsBuildResult> BuildAsync(string repoRoot, CancellationToken cancellationToken);
}

/// <param name="OutputTail">The last lines of the build's output, for a failure message.</param>
public sealed record FunctionsBuildResult(bool Succeeded, TimeSpan Duration, string PublishDirectory, string OutputTail);
