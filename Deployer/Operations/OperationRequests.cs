namespace OrdersPipeline.Deployer.Operations;

/// <summary>Where the workspace lives and which state backend it talks to.</summary>
/// <param name="RepoRoot">The folder holding <c>Pulumi.yaml</c> and the <c>Pulumi.&lt;stack&gt;.yaml</c> files.</param>
/// <param name="BackendUrl">Passed to every Pulumi command as <c>PULUMI_BACKEND_URL</c>.</param>
/// <param name="InstallCli">Install the Pulumi CLI version matching the Automation SDK when it is missing.</param>
public sealed record WorkspaceSettings(string RepoRoot, string BackendUrl, bool InstallCli);

/// <summary>One config value to store on the stack before the operation (what <c>pulumi up --config</c> does).</summary>
/// <param name="Key">Fully qualified, e.g. <c>orders-pipeline:team</c>.</param>
public sealed record ConfigSetting(string Key, string Value);

/// <summary>A preview, up, refresh or destroy of one stack.</summary>
public sealed record StackUpdateRequest(
    string StackName,
    IReadOnlyList<ConfigSetting> Config,
    IReadOnlyList<string> Targets,
    bool RefreshFirst);
