using OrdersPipeline.Deployer.Automation;
using OrdersPipeline.Deployer;
using OrdersPipeline.Deployer.Commands;
using OrdersPipeline.Deployer.Hosting;

var console = new SystemConsoleHost();
using var cancellation = new CancelKeyCancellation(console.Error);

var services = new DeployerServices(
    console,
    new SystemProcessEnvironment(),
    new AutomationStackOperationsFactory(),
    TimeProvider.System);

return await DeployerCli.RunAsync(args, services, cancellation.Token);
