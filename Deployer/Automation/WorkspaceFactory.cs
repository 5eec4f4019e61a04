using OrdersPipeline.Deployer.Backend;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Infra;
using Pulumi.Automation;
using Pulumi.Automation.Commands;

namespace OrdersPipeline.Deployer.Automation;

/// <summary>Creates the <see cref="LocalWorkspace"/>: rooted at the repository (so <c>Pulumi.yaml</c> and the
/// <c>Pulumi.&lt;stack&gt;.yaml</c> files are the ones the <c>pulumi</c> CLI path uses), running
/// <see cref="PipelineStack"/> inline, with the chosen backend passed as <c>PULUMI_BACKEND_URL</c>.</summary>
internal static class WorkspaceFactory
{
    public static async Task<LocalWorkspace> CreateAsync(WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        EnsureFileBackendFolder(settings.BackendUrl);

        // Null lets LocalWorkspace find `pulumi` on PATH; --install-cli installs the version matching the SDK under
        // ~/.pulumi/versions/<version> (or reuses it when already there).
        PulumiCommand? pulumiCommand = settings.InstallCli
            ? await LocalPulumiCommand.Install(null, cancellationToken).ConfigureAwait(false)
            : null;

        var options = new LocalWorkspaceOptions
        {
            WorkDir = settings.RepoRoot,
            Program = PulumiFn.Create<PipelineStack>(),
            PulumiCommand = pulumiCommand,
            EnvironmentVariables = new Dictionary<string, string?>
            {
                [BackendResolver.BackendUrlVariable] = settings.BackendUrl,
                ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
            },
        };

        return await LocalWorkspace.CreateAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The engine refuses a file backend whose folder does not exist; the default one is created here.</summary>
    private static void EnsureFileBackendFolder(string backendUrl)
    {
        if (backendUrl.StartsWith(BackendResolver.FileScheme, StringComparison.OrdinalIgnoreCase))
        {
            Directory.CreateDirectory(BackendResolver.FileBackendDirectory(backendUrl));
        }
    }
}
