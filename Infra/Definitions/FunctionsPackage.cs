namespace OrdersPipeline.Infra.Definitions;

/// <summary>Where the Functions deployment package is built and how. Infra's build runs the same publish, so a clean
/// clone needs only <c>pulumi up</c>.</summary>
public static class FunctionsPackage
{
    public const string ProjectRelativePath = "Functions/OrdersPipeline.Functions.csproj";
    public const string PublishRelativePath = "artifacts/functions";
    public const string AssemblyFileName = "OrdersPipeline.Functions.dll";

    /// <summary>One package per architecture: each is compiled ReadyToRun for its own instruction set, which takes
    /// the JIT off a cold start (the code is still IL underneath, so it runs anywhere).</summary>
    public static string PublishDirectory(string repoRoot, LambdaArchitecture architecture) =>
        Path.GetFullPath(Path.Combine(repoRoot, PublishRelativePath, architecture.ToAwsName()));

    /// <summary>The .NET runtime identifier of a Lambda architecture.</summary>
    public static string RuntimeIdentifier(LambdaArchitecture architecture) => architecture switch
    {
        LambdaArchitecture.Arm64 => "linux-arm64",
        _ => "linux-x64",
    };

    public static string ProjectPath(string repoRoot) =>
        Path.GetFullPath(Path.Combine(repoRoot, ProjectRelativePath));

    public static IReadOnlyList<string> PublishArguments(string repoRoot, LambdaArchitecture architecture) =>
    [
        "publish", ProjectPath(repoRoot), "-c", "Release", "-r", RuntimeIdentifier(architecture),
        "-p:PublishReadyToRun=true", "--no-self-contained", "-o", PublishDirectory(repoRoot, architecture),
    ];

    public static string BuildCommand(LambdaArchitecture architecture) =>
        $"dotnet publish {ProjectRelativePath} -c Release -r {RuntimeIdentifier(architecture)} "
        + $"-p:PublishReadyToRun=true --no-self-contained -o {PublishRelativePath}/{architecture.ToAwsName()}";

    /// <summary>The closest directory at or above each start that holds the Functions project.</summary>
    public static string? FindRepoRoot(IEnumerable<string> startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null;
                 directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, ProjectRelativePath)))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The published package folder: the configured one, else the repo's; throws when it holds no
    /// <see cref="AssemblyFileName"/>, naming the command that builds it.</summary>
    public static string Locate(
        string? configuredDirectory, IEnumerable<string> searchStarts, LambdaArchitecture architecture)
    {
        var buildCommand = BuildCommand(architecture);
        string directory;
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            directory = Path.GetFullPath(configuredDirectory);
        }
        else
        {
            var repoRoot = FindRepoRoot(searchStarts) ?? throw new FunctionsPackageMissingException(
                $"Cannot find the repository (a folder holding {ProjectRelativePath}) above the current directory, "
                + $"so the Functions package location is unknown. Build it with `{buildCommand}` from the repository "
                + $"root, or set '{ConfigSchema.FullName(ConfigSchema.FunctionsPackageDirectory.Name)}'.");
            directory = PublishDirectory(repoRoot, architecture);
        }

        if (!File.Exists(Path.Combine(directory, AssemblyFileName)))
        {
            throw new FunctionsPackageMissingException(
                $"The Functions deployment package is missing: '{Path.Combine(directory, AssemblyFileName)}' does "
                + $"not exist. Build it with `{buildCommand}` from the repository root (building Infra runs it "
                + "unless SkipFunctionsPublish=true).");
        }

        return directory;
    }
}

public sealed class FunctionsPackageMissingException(string message) : Exception(message);
