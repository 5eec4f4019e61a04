namespace OrdersPipeline.Deployer.Hosting;

/// <summary>Environment variables and well-known folders, behind an interface so tests never read the real ones.</summary>
public interface IProcessEnvironment
{
    string? GetVariable(string name);

    string HomeDirectory { get; }

    string CurrentDirectory { get; }

    /// <summary>Where the Deployer's binaries are; a fallback start for finding the repository.</summary>
    string ApplicationDirectory { get; }
}

public sealed class SystemProcessEnvironment : IProcessEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string HomeDirectory => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public string CurrentDirectory => Environment.CurrentDirectory;

    public string ApplicationDirectory => AppContext.BaseDirectory;
}
