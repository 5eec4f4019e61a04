using OrdersPipeline.Deployer.Hosting;

namespace OrdersPipeline.Deployer.Backend;

public enum BackendSource
{
    Option,
    EnvironmentVariable,
    Default,
}

/// <summary>The state backend a run uses and where that choice came from.</summary>
public sealed record BackendSelection(string Url, BackendSource Source)
{
    public bool IsFileBackend => Url.StartsWith(BackendResolver.FileScheme, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Picks the state backend: <c>--backend-url</c>, else <c>PULUMI_BACKEND_URL</c>, else a file backend under
/// the user's home, so no Pulumi Cloud account is needed.</summary>
public static class BackendResolver
{
    public const string BackendUrlVariable = "PULUMI_BACKEND_URL";
    public const string FileScheme = "file://";
    public const string DefaultStateFolder = ".orders-pipeline/state";

    public static BackendSelection Resolve(string? backendUrlOption, IProcessEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(backendUrlOption))
        {
            return new BackendSelection(backendUrlOption.Trim(), BackendSource.Option);
        }

        var fromEnvironment = environment.GetVariable(BackendUrlVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new BackendSelection(fromEnvironment.Trim(), BackendSource.EnvironmentVariable);
        }

        return new BackendSelection(DefaultUrl(environment.HomeDirectory), BackendSource.Default);
    }

    public static string DefaultUrl(string homeDirectory) =>
        FileScheme + Path.Combine(homeDirectory, DefaultStateFolder).Replace('\\', '/');

    /// <summary>The folder of a <c>file://</c> backend (the engine refuses a folder that does not exist).</summary>
    public static string FileBackendDirectory(string fileBackendUrl)
    {
        var path = fileBackendUrl[FileScheme.Length..];
        return path.StartsWith('~')
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[1..].TrimStart('/'))
            : path;
    }
}
