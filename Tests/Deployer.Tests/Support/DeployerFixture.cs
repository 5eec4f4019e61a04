namespace OrdersPipeline.Deployer.Tests.Support;

/// <summary>A fresh <see cref="DeployerHarness"/> (fake workspace, console and environment) for every test.</summary>
public abstract class DeployerFixture
{
    private protected DeployerHarness Harness { get; private set; } = null!;

    [SetUp]
    public void CreateHarness() => Harness = new DeployerHarness();

    [TearDown]
    public void DisposeHarness() => Harness.Dispose();

    /// <summary>A fresh harness within one test, for a test that runs several independent cases.</summary>
    private protected void ResetHarness()
    {
        Harness.Dispose();
        Harness = new DeployerHarness();
    }
}
