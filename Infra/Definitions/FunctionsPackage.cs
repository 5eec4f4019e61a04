namespace OrdersPipeline.Infra.Definitions;

/// <summary>Where the Functions deployment package is built and how. Infra's build runs the ReadyToRun publish, so a
/// clean clone needs only <c>pulumi up</c>; the Native AOT package is published by hand on a machine of its
/// architecture.</summary>
public static class FunctionsPackage
{
    public const string ProjectRelativePath = "Functions/Lambda/OrdersPipeline.Functions.csproj";
    public const string PublishRelativePath = "artifacts/functions";
    public const string AssemblyFileName = "OrdersPipeline.Functions.dll";

    /// <summary>The executable Lambda's OS-only runtime starts: the whole Native AOT package.</summary>
    public const string BootstrapFileName = "bootstrap";

    /// <summary>One package per architecture and kind: ReadyToRun is compiled for its own instruction set, which
    /// takes the JIT off a cold start (the code is still IL underneath, so it runs anywhere); Native AOT is machine
    /// code only (<see cref="FunctionPackageTraits"/>).</summary>
    public static string PublishDirectory(string repoRoot, LambdaArchitecture architecture, FunctionPackageKind kind) =>
        Path.GetFullPath(Path.Combine(repoRoot, PublishRelativePath, FolderName(architecture, kind)));

    /// <summary>The .NET runtime identifier of a Lambda architecture.</summary>
    public static string RuntimeIdentifier(LambdaArchitecture architecture) => architecture switch
    {
        LambdaArchitecture.Arm64 => "linux-arm64",
        _ => "linux-x64",
    };

    public static string ProjectPath(string repoRoot) =>
        Path.GetFullPath(Path.Combine(repoRoot, ProjectRelativePath));

    public static IReadOnlyList<string> PublishArguments(
        string repoRoot, LambdaArchitecture architecture, FunctionPackageKind kind) =>
    [
        "publish", ProjectPath(repoRoot), "-c", "Release", "-r", RuntimeIdentifier(architecture),
        .. kind.Traits().PublishOptions, "-o", PublishDirectory(repoRoot, architecture, kind),
    ];

    public static string BuildCommand(LambdaArchitecture architecture, FunctionPackageKind kind) =>
        $"dotnet publish {ProjectRelativePath} -c Release -r {RuntimeIdentifier(architecture)} "
        + $"{string.Join(' ', kind.Traits().PublishOptions)} -o {PublishRelativePath}/{FolderName(architecture, kind)}";

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
    /// <see cref="FunctionPackageTraits.EntryFileName"/>, naming the command that builds it.</summary>
    public static string Locate(string? configuredDirectory, IEnumerable<string> searchStarts,
        LambdaArchitecture architecture, FunctionPackageKind kind)
    {
        var buildCommand = BuildCommand(architecture, kind);
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
                + $"root{WhereItBuilds(architecture, kind)}, or set "
                + $"'{ConfigSchema.FullName(ConfigSchema.FunctionsPackageDirectory.Name)}'.");
            directory = PublishDirectory(repoRoot, architecture, kind);
        }

        var entryFile = Path.Combine(directory, kind.Traits().EntryFileName);
        if (!File.Exists(entryFile))
        {
            throw new FunctionsPackageMissingException(
                $"The Functions deployment package is missing: '{entryFile}' does not exist. Build it with "
                + $"`{buildCommand}` from the repository root{WhereItBuilds(architecture, kind)} "
                + (kind == FunctionPackageKind.NativeAot
                    ? "(Infra's build does not publish it)."
                    : "(building Infra runs it unless SkipFunctionsPublish=true)."));
        }

        return directory;
    }

    private static string FolderName(LambdaArchitecture architecture, FunctionPackageKind kind) =>
        architecture.ToAwsName() + kind.Traits().FolderSuffix;

    // Native AOT links with the build machine's own toolchain: without a cross linker it compiles only for that
    // machine's architecture.
    private static string WhereItBuilds(LambdaArchitecture architecture, FunctionPackageKind kind) =>
        kind == FunctionPackageKind.NativeAot
            ? $" on an {architecture.ToAwsName()} machine with clang or gcc installed (Native AOT links with the "
              + "machine's own toolchain; another architecture needs a cross linker and sysroot)"
            : string.Empty;
}

public sealed class FunctionsPackageMissingException(string message) : Exception(message);
