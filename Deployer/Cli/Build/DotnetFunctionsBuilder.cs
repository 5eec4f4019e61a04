using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Cli.Build;

/// <summary>Runs <c>dotnet</c> with <see cref="FunctionsPackage.PublishArguments"/> and times it.</summary>
public sealed class DotnetFunctionsBuilder(IProcessRunner processRunner, TimeProvider clock) : IFunctionsBuilder
{
    private const int TailLines = 20;

    public async Task<FunctionsBuildResult> BuildAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var result = await processRunner
            .RunAsync("dotnet", FunctionsPackage.PublishArguments(repoRoot), repoRoot, cancellationToken)
            .ConfigureAwait(false);
        var duration = clock.GetUtcNow() - started;

        return new FunctionsBuildResult(
            result.ExitCode == 0, duration, FunctionsPackage.PublishDirectory(repoRoot), Tail(result.Output));
    }

    private static string Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(Environment.NewLine, lines.TakeLast(TailLines));
    }
}
