using Moq;
using OrdersPipeline.Deployer.Commands;
using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Tests.Support;

/// <summary>Runs the Deployer's command line against mocks: a temporary repository (holding Pulumi.yaml), a fake
/// console and environment (passphrase set), a mocked Automation adapter that succeeds.</summary>
internal sealed class DeployerHarness : IDisposable
{
    public const string Passphrase = "PULUMI_CONFIG_PASSPHRASE";

    public DeployerHarness()
    {
        RepoRoot = Directory.CreateTempSubdirectory("deployer-cli-tests-").FullName;
        File.WriteAllText(Path.Combine(RepoRoot, "Pulumi.yaml"), "name: orders-pipeline\nruntime: dotnet\n");
        Environment = new FakeEnvironment(RepoRoot, "/home/tester");
        Environment.Variables[Passphrase] = "test-passphrase";

        Factory.Setup(factory => factory.Create(It.IsAny<WorkspaceSettings>()))
            .Callback<WorkspaceSettings>(settings => CreatedWith.Add(settings))
            .Returns(Operations.Object);
        Operations.Setup(operations => operations.DisposeAsync()).Returns(ValueTask.CompletedTask);
        Operations.Setup(operations => operations.GetConfigAsync(
                It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => StoredConfig);
        Operations.Setup(operations => operations.PreviewAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Changes((StepOperation.Create, 3), (StepOperation.Same, 2)));
        Operations.Setup(operations => operations.UpAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UpOutcome(
                Changes((StepOperation.Create, 3)),
                new Dictionary<string, StackOutput>
                {
                    ["ordersTableName"] = new("dev-orders-table-backend", false),
                    ["alarmNames"] = new(new List<object?> { "a", "b" }, false),
                    ["apiKey"] = new("hunter2", true),
                }));
        Operations.Setup(operations => operations.RefreshAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Changes((StepOperation.Same, 5)));
        Operations.Setup(operations => operations.DestroyAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Changes((StepOperation.Delete, 5)));
        Operations.Setup(operations => operations.GetOutputsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, StackOutput>
            {
                ["bucketName"] = new("dev-processed-data-123-backend", false),
                ["batchSize"] = new(100, false),
            });
        Operations.Setup(operations => operations.ListStacksAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new List<StackInfo>
            {
                new("dev", true, new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), false, 42),
                new("local", false, null, false, null),
            });
        Operations.Setup(operations => operations.RemoveStackAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
    }

    public string RepoRoot { get; }

    public FakeConsole Console { get; } = new();

    public FakeEnvironment Environment { get; }

    public ManualClock Clock { get; } = new();

    public Mock<IStackOperationsFactory> Factory { get; } = new(MockBehavior.Strict);

    public Mock<IStackOperations> Operations { get; } = new(MockBehavior.Strict);

    public List<WorkspaceSettings> CreatedWith { get; } = [];

    public Dictionary<string, StackConfigValue> StoredConfig { get; } = new()
    {
        ["orders-pipeline:team"] = new("backend", false),
        ["aws:region"] = new("us-east-1", false),
    };

    public Task<int> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public Task<int> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        DeployerCli.RunAsync(
            args,
            new DeployerServices(Console, Environment, Factory.Object, Clock),
            cancellationToken);

    public static ChangeSummary Changes(params (StepOperation Operation, int Count)[] counts) =>
        new(counts.ToDictionary(count => count.Operation, count => count.Count));

    public void Dispose()
    {
        Directory.Delete(RepoRoot, recursive: true);
    }
}
