using System.Collections.Immutable;
using System.Text.Json;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Testing;

namespace OrdersPipeline.Infra.Tests;

/// <summary>Runs <see cref="PipelineStack"/> against <see cref="PipelineMocks"/> with a given configuration.</summary>
internal sealed class StackRun
{
    public const string StackName = "dev";

    private readonly Dictionary<string, string> _config = new(StringComparer.Ordinal)
    {
        ["aws:region"] = MockAws.Region,
        ["orders-pipeline:team"] = "backend",
    };

    private StackRun()
    {
    }

    public PipelineMocks Mocks { get; } = new();

    public ImmutableArray<Resource> Resources { get; private set; }

    public PipelineStack Stack => Resources.OfType<PipelineStack>().Single();

    /// <summary>The core pipeline: default config with the two ingest doors off (their resources would be in every
    /// count), plus a fake published Functions package. <see cref="WithIngest"/> is the full default config.</summary>
    public static StackRun WithDefaults() => new StackRun()
        .With(ConfigSchema.FunctionsPackageDirectory.Name, FakeFunctionsPackage.Directory)
        .With(ConfigSchema.HttpIngest.Name, "false")
        .With(ConfigSchema.FileIngest.Name, "false");

    /// <summary>The default config as a stack gets it, both ingest doors on.</summary>
    public static StackRun WithIngest() => new StackRun()
        .With(ConfigSchema.FunctionsPackageDirectory.Name, FakeFunctionsPackage.Directory);

    /// <summary><c>functionPackage: nativeAot</c>, pointed at a fake native package (a folder with a bootstrap).</summary>
    public StackRun WithNativeAot() => With(ConfigSchema.FunctionPackage.Name, FunctionPackageKindNames.NativeAot)
        .With(ConfigSchema.FunctionsPackageDirectory.Name, FakeFunctionsPackage.NativeDirectory);

    public StackRun With(string shortKey, string value)
    {
        _config[ConfigSchema.FullName(shortKey)] = value;
        return this;
    }

    /// <summary>An output of the stack's previous deployment (what a stack reference to itself reads).</summary>
    public StackRun WithPriorOutput(string name, object value)
    {
        Mocks.PriorOutputs[name] = value;
        return this;
    }

    /// <summary>A GuardDuty detector the region already has (what the detector lookup finds).</summary>
    public StackRun WithRegionDetector(string detectorId)
    {
        Mocks.RegionDetectorId = detectorId;
        return this;
    }

    public StackRun Without(string shortKey)
    {
        _config.Remove(ConfigSchema.FullName(shortKey));
        return this;
    }

    public async Task<StackRun> RunAsync()
    {
        // Deployment reads PULUMI_CONFIG when it is created, once per TestAsync call.
        System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(_config));
        try
        {
            Resources = await Deployment.TestAsync<PipelineStack>(Mocks, new TestOptions
            {
                ProjectName = "orders-pipeline",
                StackName = StackName,
                IsPreview = false,
            });
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }

        return this;
    }

    public IEnumerable<RegisteredResource> Aws => Mocks.Registered.Where(resource => resource.IsAws);

    public IEnumerable<RegisteredResource> OfType(string type) => Mocks.Registered.Where(resource => resource.Type == type);

    public RegisteredResource Single(string type, string physicalName) =>
        OfType(type).Single(resource =>
            (resource.Inputs.TryGetValue("name", out var name) || resource.Inputs.TryGetValue("bucket", out name))
            && Equals(name, physicalName));

    public RegisteredResource Single(string type) => OfType(type).Single();
}

/// <summary>Folders that look like published Functions packages, one per kind, shared by all tests. Each holds only
/// its own kind's entry file, so a stack that looked for the other kind's file would fail.</summary>
internal static class FakeFunctionsPackage
{
    private static readonly Lazy<string> ReadyToRunFolder = new(() => Create("functions", FunctionPackageKind.ReadyToRun));

    private static readonly Lazy<string> NativeFolder = new(() => Create("functions-native", FunctionPackageKind.NativeAot));

    /// <summary>A ReadyToRun package: the functions assembly.</summary>
    public static string Directory => ReadyToRunFolder.Value;

    /// <summary>A Native AOT package: the bootstrap executable.</summary>
    public static string NativeDirectory => NativeFolder.Value;

    private static string Create(string name, FunctionPackageKind kind)
    {
        var directory = Path.Combine(Path.GetTempPath(), "orders-pipeline-infra-tests", name);
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, kind.Traits().EntryFileName), string.Empty);
        return directory;
    }
}
