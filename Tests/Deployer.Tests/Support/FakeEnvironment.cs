using OrdersPipeline.Deployer.Hosting;

namespace OrdersPipeline.Deployer.Tests.Support;

internal sealed class FakeEnvironment(string currentDirectory, string homeDirectory) : IProcessEnvironment
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    public string HomeDirectory { get; } = homeDirectory;

    public string CurrentDirectory { get; } = currentDirectory;

    public string ApplicationDirectory => CurrentDirectory;
}
