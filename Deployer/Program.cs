using System.CommandLine;
using OrdersPipeline.Deployer;
using OrdersPipeline.Deployer.Automation;

// Ctrl-C is System.CommandLine's: it cancels the running command, which stops the engine and exits with 130. If the
// engine has not stopped after the timeout, the Deployer exits with 130 anyway.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
var host = DeployerHost.FromSystem(settings => new AutomationWorkspace(settings));
return await DeployerCli.RunAsync(args, host, invocation, CancellationToken.None);
