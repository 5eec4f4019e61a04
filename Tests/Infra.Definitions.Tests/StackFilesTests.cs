using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>The checked-in stack files hold only known keys with valid values, so `pulumi up` on them passes
/// validation.</summary>
[TestFixture]
public sealed class StackFilesTests
{
    private static string RepoRoot =>
        FunctionsPackage.FindRepoRoot([TestContext.CurrentContext.TestDirectory])
        ?? throw new InvalidOperationException("Repository root not found above the test directory.");

    // Stack files are flat `namespace:key: value` maps under `config:`; no YAML library is needed to read them.
    private static Dictionary<string, string> ReadConfig(string stackFile) =>
        File.ReadAllLines(Path.Combine(RepoRoot, stackFile))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line != "config:")
            .Select(line => line.Split(": ", 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim('"'), StringComparer.Ordinal);

    [TestCase("Pulumi.dev.yaml", "dev")]
    [TestCase("Pulumi.local.yaml", "local")]
    public void Stack_file_keys_are_known_and_values_valid(string stackFile, string stackName)
    {
        var config = ReadConfig(stackFile);
        var ours = config.Where(entry => entry.Key.StartsWith(ConfigSchema.Namespace + ":", StringComparison.Ordinal)).ToArray();

        Assert.That(config["aws:region"], Is.EqualTo("us-east-1"));
        Assert.That(ours.Where(entry => !ConfigSchema.IsKnown(entry.Key)).Select(entry => entry.Key), Is.Empty);
        Assert.That(ours.Select(entry => ConfigSchema.ValidateValue(entry.Key, entry.Value)), Has.All.Null);

        var settings = StackConfig.Load(
            key => config.GetValueOrDefault(ConfigSchema.FullName(key)), stackName);
        Assert.That(settings.Get(ConfigSchema.Team), Is.EqualTo("backend"));
    }

    [Test]
    public void Local_stack_targets_moto_on_its_default_port()
    {
        var config = ReadConfig("Pulumi.local.yaml");

        var settings = StackConfig.Load(key => config.GetValueOrDefault(ConfigSchema.FullName(key)), "local");

        Assert.That(settings.Emulator?.Url, Is.EqualTo("http://127.0.0.1:5000"));
        Assert.That(settings.Emulator?.AccessKey, Is.EqualTo("test"));
        Assert.That(settings.Get(ConfigSchema.Environment), Is.EqualTo("local"));
    }

    [Test]
    public void Dev_stack_talks_to_aws_itself()
    {
        var config = ReadConfig("Pulumi.dev.yaml");

        var settings = StackConfig.Load(key => config.GetValueOrDefault(ConfigSchema.FullName(key)), "dev");

        Assert.That(settings.Emulator, Is.Null);
        Assert.That(settings.Names.OrdersTable, Is.EqualTo("dev-orders-table-backend"));
    }

    [Test]
    public void Project_file_runs_the_infra_program_with_dotnet()
    {
        var project = File.ReadAllLines(Path.Combine(RepoRoot, "Pulumi.yaml"));

        Assert.That(project, Does.Contain("name: orders-pipeline").And.Contain("runtime: dotnet").And.Contain("main: Infra/Stack/"));
    }
}
