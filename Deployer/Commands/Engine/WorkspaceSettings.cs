using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Engine;

/// <summary>Where the workspace lives and which state backend it uses.</summary>
/// <param name="RepoRoot">The folder holding <c>Pulumi.yaml</c> and the <c>Pulumi.&lt;stack&gt;.yaml</c> files.</param>
/// <param name="BackendUrl">Passed to every Pulumi command as <c>PULUMI_BACKEND_URL</c>.</param>
/// <param name="InstallCli">Install the Pulumi CLI version matching the Automation SDK when it is missing.</param>
public sealed record WorkspaceSettings(string RepoRoot, string BackendUrl, bool InstallCli)
{
    public const string BackendUrlVariable = "PULUMI_BACKEND_URL";
    public const string PassphraseVariable = "PULUMI_CONFIG_PASSPHRASE";
    public const string PassphraseFileVariable = "PULUMI_CONFIG_PASSPHRASE_FILE";
    public const string FileScheme = "file://";
    public const string DefaultStateFolder = ".orders-pipeline/state";

    public bool IsFileBackend => BackendUrl.StartsWith(FileScheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>A file backend's folder, a leading <c>~</c> being <paramref name="homeDirectory"/>; null for any other
    /// backend.</summary>
    public string? FileBackendFolder(string homeDirectory)
    {
        if (!IsFileBackend)
        {
            return null;
        }

        var path = BackendUrl[FileScheme.Length..];
        return path.StartsWith('~') ? Path.Combine(homeDirectory, path[1..].TrimStart('/')) : path;
    }

    /// <summary>The backend is <c>--backend-url</c>, else <c>PULUMI_BACKEND_URL</c>, else a file backend under the
    /// user's home (no Pulumi Cloud account needed). A file backend encrypts stack secrets with a passphrase the
    /// Deployer never invents: with <paramref name="requirePassphrase"/> and none set, it stops (exit 3, an environment
    /// problem) and says how to set one.</summary>
    public static WorkspaceSettings Resolve(
        DeployerHost host, string? backendUrlOption, bool installCli, bool requirePassphrase)
    {
        var repoRoot = FindRepoRoot(host);
        var backendUrl = new[] { backendUrlOption, host.GetVariable(BackendUrlVariable) }
                             .FirstOrDefault(url => !string.IsNullOrWhiteSpace(url))?.Trim()
                         ?? FileScheme + Path.Combine(host.HomeDirectory, DefaultStateFolder).Replace('\\', '/');
        var settings = new WorkspaceSettings(repoRoot, backendUrl, installCli);

        // An empty PULUMI_CONFIG_PASSPHRASE is a deliberate choice the engine accepts, so only "unset" stops here.
        if (requirePassphrase && settings.IsFileBackend && host.GetVariable(PassphraseVariable) is null
            && string.IsNullOrWhiteSpace(host.GetVariable(PassphraseFileVariable)))
        {
            var nl = Environment.NewLine;
            throw new DeployerException(
                ExitCodes.Environment,
                $"The state backend {backendUrl} is a local file backend, which encrypts stack secrets with a "
                + $"passphrase, and no passphrase is set.{nl}Set one before running the Deployer, for example:{nl}"
                + $"  export {PassphraseVariable}='choose-a-passphrase'{nl}"
                + $"or put it in a file and export {PassphraseFileVariable}=/path/to/passphrase-file.{nl}"
                + "Keep it: every later run against the same stacks needs the same passphrase.");
        }

        return settings;
    }

    /// <summary>The folder holding the Functions project, at or above where the Deployer runs (exit 3 when none).
    /// </summary>
    public static string FindRepoRoot(DeployerHost host) =>
        FunctionsPackage.FindRepoRoot(host.SearchDirectories) ?? throw new DeployerException(
            ExitCodes.Environment,
            $"No orders-pipeline repository (a folder holding {FunctionsPackage.ProjectRelativePath}) found at or "
            + $"above {host.SearchDirectories[0]}. Run the Deployer from inside the repository.");
}
