using OrdersPipeline.Infra.Definitions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>One entry of a stack file's <c>config:</c> map. A <c>secure:</c> entry keeps its ciphertext unread
/// (<see cref="Value"/> is null); an entry that is neither a plain value nor <c>secure:</c> has a
/// <see cref="Problem"/>.</summary>
internal sealed record StackFileEntry(string Key, string? Value, bool IsSecure, int Line, string? Problem = null);

/// <summary><c>Pulumi.&lt;stack&gt;.yaml</c> as the engine would read it, parsed with YamlDotNet and no engine: the
/// <c>config:</c> entries with their line numbers. Keys without a namespace belong to the project, as in Pulumi.
/// </summary>
internal sealed record StackFile(string FileName, IReadOnlyList<StackFileEntry> Entries)
{
    public static string NameFor(string stackName) => $"Pulumi.{stackName.Split('/')[^1]}.yaml";

    public static string PathFor(string repoRoot, string stackName) => Path.Combine(repoRoot, NameFor(stackName));

    /// <summary>The stack's file, or null when it does not exist.</summary>
    /// <exception cref="DeployerException">The file is not YAML, or not a map with a <c>config:</c> map (exit 2).
    /// </exception>
    public static StackFile? Read(string repoRoot, string stackName)
    {
        var path = PathFor(repoRoot, stackName);
        if (!File.Exists(path))
        {
            return null;
        }

        var fileName = NameFor(stackName);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException exception)
        {
            throw Invalid(fileName, $"line {exception.Start.Line}: it is not valid YAML: {exception.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new StackFile(fileName, []);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Invalid(fileName, "it must be a map (config:, encryptionsalt:, …).");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode)
            || configNode is YamlScalarNode { Value: null or "" })
        {
            return new StackFile(fileName, []);
        }

        if (configNode is not YamlMappingNode config)
        {
            throw Invalid(fileName, $"line {configNode.Start.Line}: config: must be a map of key: value entries.");
        }

        return new StackFile(fileName, config.Children.Select(pair => Entry(pair.Key, pair.Value)).ToList());
    }

    private static StackFileEntry Entry(YamlNode keyNode, YamlNode valueNode)
    {
        var line = (int)keyNode.Start.Line;
        var name = keyNode is YamlScalarNode { Value: { } text } ? text.Trim() : keyNode.ToString();
        var key = name.Contains(':', StringComparison.Ordinal) ? name : ConfigSchema.FullName(name);
        return valueNode switch
        {
            YamlScalarNode scalar => new StackFileEntry(key, scalar.Value ?? "", IsSecure: false, line),
            YamlMappingNode mapping when mapping.Children.Count == 1
                                         && mapping.Children.ContainsKey(new YamlScalarNode("secure")) =>
                new StackFileEntry(key, Value: null, IsSecure: true, line),
            _ => new StackFileEntry(key, Value: null, IsSecure: false, line,
                $"Config '{key}' must be a plain value (or a secure: value set with `pulumi config set --secret`), "
                + "not a list or a map."),
        };
    }

    private static DeployerException Invalid(string fileName, string reason) =>
        new(ExitCodes.UsageOrConfig, $"{fileName} cannot be read: {reason}") { Problems = [$"{fileName}: {reason}"] };
}
