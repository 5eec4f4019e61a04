using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Benchmarks;

/// <summary>A published Functions package the cold-start benchmark runs.</summary>
internal sealed record FunctionsPackageBuild(string Name, string Description, string Directory);

/// <summary>
/// Publishes the deployment packages for this machine's architecture, with the same commands and into the same
/// folders as for a deployment (<see cref="FunctionsPackage"/>), so the benchmark measures what <c>pulumi up</c>
/// would ship. A package that does not publish here is left out with a note saying why: the Lambda packages
/// (Amazon.Lambda.*) the deployment package needs do not restore from this machine's NuGet source, or there is no
/// native toolchain for Native AOT.
/// </summary>
internal static partial class FunctionsPackageBuilds
{
    public static async Task<(List<FunctionsPackageBuild> Packages, List<string> Notes)> PublishAsync(
        bool publish, TextWriter progress)
    {
        var repoRoot = FunctionsPackage.FindRepoRoot([Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
                       ?? throw new InvalidOperationException("Run the benchmark inside the repository.");
        var architecture = RuntimeInformation.OSArchitecture == Architecture.Arm64
            ? LambdaArchitecture.Arm64
            : LambdaArchitecture.X86_64;
        var packages = new List<FunctionsPackageBuild>();
        var notes = new List<string>();
        foreach (var kind in new[] { FunctionPackageKind.ReadyToRun, FunctionPackageKind.NativeAot })
        {
            var name = kind.ToConfigName();
            var directory = FunctionsPackage.PublishDirectory(repoRoot, architecture, kind);
            if (publish)
            {
                progress.WriteLine($"publishing the {name} package: {FunctionsPackage.BuildCommand(architecture, kind)}");
                var (exitCode, output) = await RunAsync(FunctionsPackage.PublishArguments(repoRoot, architecture, kind));
                if (exitCode != 0)
                {
                    notes.Add($"{name}: not measured, {WhyPublishFailed(exitCode, output)}");
                    progress.WriteLine($"{name}: publish failed (exit {exitCode}), left out");
                    continue;
                }
            }

            try
            {
                FunctionsPackage.Locate(directory, [], architecture, kind);
            }
            catch (FunctionsPackageMissingException missing)
            {
                notes.Add($"{name}: not measured: {missing.Message}");
                continue;
            }

            var zipped = ZippedBytes(directory);
            packages.Add(new FunctionsPackageBuild(name,
                $"{name} package ({architecture.ToAwsName()}, runtime {kind.Traits().Runtime}, {zipped / 1e6:F2} MB zipped)",
                directory));
        }
        return (packages, notes);
    }

    private static long ZippedBytes(string directory)
    {
        var zip = Path.GetTempFileName();
        try
        {
            File.Delete(zip);
            ZipFile.CreateFromDirectory(directory, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
            return new FileInfo(zip).Length;
        }
        finally
        {
            File.Delete(zip);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The packages restore could not find (NuGet's NU1101 and NU1102), else the publish's last lines.</summary>
    private static string WhyPublishFailed(int exitCode, string output)
    {
        var missing = MissingPackage().Matches(output).Select(match => match.Groups["id"].Value)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return missing.Count > 0
            ? $"the package does not restore here: this machine's NuGet source does not serve {string.Join(", ", missing)} " +
              "(they come from the public NuGet gallery, or an offline folder named in RestoreAdditionalProjectSources)"
            : $"its publish failed here (exit {exitCode}): {LastLines(output)}";
    }

    [GeneratedRegex(@"NU110[12]: Unable to find package (?<id>[A-Za-z0-9_.\-]+?)(?:\. | with version)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingPackage();

    private static string LastLines(string output) =>
        string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
}
