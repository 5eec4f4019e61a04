using OrdersPipeline.Deployer.Automation;
using OrdersPipeline.Deployer.Cli;
using OrdersPipeline.Deployer.Cli.Commands;
using OrdersPipeline.Deployer.Cli.Hosting;

var console = new SystemConsoleHost();
using var cancellation = new CancelKeyCancellation(console.Error);

var services = new DeployerServices(
    console,
    new SystemProcessEnvironment(),
    new AutomationStackOperationsFactory(),
    TimeProvider.System);

return await DeployerCli.RunAsync(args, services, cancellation.Token);
