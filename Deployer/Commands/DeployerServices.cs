using OrdersPipeline.Deployer.Hosting;
using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Commands;

/// <summary>What the commands depend on. The program passes the real console, environment, Automation API adapter; tests pass fakes and mocks.</summary>
public sealed record DeployerServices(
    IConsoleHost Console,
    IProcessEnvironment Environment,
    IStackOperationsFactory Operations,
    TimeProvider Clock);
