using System.CommandLine;
using OrdersPipeline.Deployer.Commands;

namespace OrdersPipeline.Deployer;

/// <summary>Entry point of the command-line layer: parses <paramref name="args"/>, runs the command and returns its
/// exit code. A command line that does not parse is a usage error (exit 2).</summary>
public static class DeployerCli
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, DeployerServices services, CancellationToken cancellationToken)
    {
        var commandLine = new DeployerCommandLine(new DeployerCommands(services));
        var parseResult = commandLine.Root.Parse(args);
        var console = services.Console;

        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                console.Error.WriteLine("error: " + error.Message);
            }

            console.Error.WriteLine("Run with --help to see the commands and options.");
            return ExitCodes.UsageOrConfig;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            // The caller owns Ctrl-C (it cancels cancellationToken) so the running operation can stop cleanly.
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
