namespace OrdersPipeline.Deployer.Commands;

/// <summary>Options every stack command understands.</summary>
public sealed record CommonOptions(string StackName, string? BackendUrl, bool Json, bool Yes, bool InstallCli);

/// <summary>Options of the commands that run the engine over a stack (preview, up, refresh, destroy).</summary>
public sealed record UpdateCommandOptions(
    CommonOptions Common,
    IReadOnlyList<string> ConfigPairs,
    IReadOnlyList<string> Targets,
    bool Refresh);
