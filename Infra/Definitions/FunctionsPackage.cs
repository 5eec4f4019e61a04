namespace OrdersPipeline.Infra.Definitions;

/// <summary>Where the Functions deployment package is built and how. Infra's build runs the same publish, so a clean
/// clone needs only <c>pulumi up</c>.</summary>
public static class FunctionsPackage
{
    public const string ProjectRelativePath = "Functions/OrdersPipeline.Functions.csproj";
    public const string PublishRelativePath = "artifacts/functions";
    public const string AssemblyFileName = "OrdersPipeline.Functions.dll";

    public static string PublishDirectory(string repoRoot) =>
        Path.GetFullPath(Path.Combine(repoRoot, PublishRelativePath));

    public static string ProjectPath(string repoRoot) =>
        Path.GetFullPath(Path.Combine(repoRoot, ProjectRelativePath));

    public static IReadOnlyList<string> PublishArguments(string repoRoot) =>
    [
        "publish", ProjectPath(repoRoot), "-c", "Release", "-o", PublishDirectory(repoRoot), "--no-self-contained",
    ];

    public static string BuildCommand { get; } =
        $"dotnet publish {ProjectRelativePath} -c Release -o {PublishRelativePath} --no-self-contained";

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
    public static string Locate(string? configuredDirectory, IEnumerable<string> searchStarts)
    {
        string directory;
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            directory = Path.GetFullPath(configuredDirectory);
        }
        else
        {
            var repoRoot = FindRepoRoot(searchStarts) ?? throw new FunctionsPackageMissingException(
                $"Cannot find the repository (a folder holding {ProjectRelativePath}) above the current directory, "
                + $"so the Functions package location is unknown. Build it with `{BuildCommand}` from the repository "
                + $"root, or set '{ConfigSchema.FullName(ConfigSchema.FunctionsPackageDirectory.Name)}'.");
            directory = PublishDirectory(repoRoot);
        }

        if (!File.Exists(Path.Combine(directory, AssemblyFileName)))
        {
            throw new FunctionsPackageMissingException(
                $"The Functions deployment package is missing: '{Path.Combine(directory, AssemblyFileName)}' does "
                + $"not exist. Build it with `{BuildCommand}` from the repository root (building Infra runs it "
                + "unless SkipFunctionsPublish=true).");
        }

        return directory;
    }
}

public sealed class FunctionsPackageMissingException(string message) : Exception(message);
