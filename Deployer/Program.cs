using System.CommandLine;
using OrdersPipeline.Deployer;

// Ctrl-C is System.CommandLine's: it cancels the running command, which stops the engine and exits with 130. If the
// engine has not stopped after the timeout, the Deployer exits with 130 anyway.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
return await DeployerCli.RunAsync(args, DeployerHost.FromSystem(), invocation, CancellationToken.None);
