using System.ComponentModel;
using OrdersPipeline.Deployer.Engine;
using Pulumi.Automation.Commands.Exceptions;

namespace OrdersPipeline.Deployer.Automation;

/// <summary>Pulumi's exceptions as the workspace port's <see cref="EngineException"/>s.</summary>
internal static class AutomationFailures
{
    /// <summary>The port's failure for one of Pulumi's exceptions, or null for any other exception (the inline
    /// program's own included), which goes on as it is. A failed command's message is its stderr part.</summary>
    public static EngineException? ToPort(Exception exception) => exception switch
    {
        // Starting a process that is not on PATH.
        Win32Exception => new EngineMissingException(exception.Message, exception),
        StackNotFoundException => new StackMissingException(StderrOf(exception.Message), exception),
        ConcurrentUpdateException => new StackLockedException(StderrOf(exception.Message), exception),
        CommandException => new EngineCommandException(StderrOf(exception.Message), exception),
        _ => null,
    };

    /// <summary>Runs <paramref name="call"/>, rethrowing Pulumi's exceptions as the port's.</summary>
    public static async Task<T> PortAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (ToPort(exception) is { } failure)
        {
            throw failure;
        }
    }

    /// <inheritdoc cref="PortAsync{T}"/>
    public static Task PortAsync(Func<Task> call) => PortAsync(async () =>
    {
        await call();
        return true;
    });

    /// <summary>A failed Pulumi command reports <c>code: N\nstdout: …\nstderr: …</c>; the stderr part says why.
    /// </summary>
    public static string StderrOf(string report)
    {
        var stderrAt = report.LastIndexOf("stderr: ", StringComparison.Ordinal);
        var stderr = stderrAt < 0 ? "" : report[(stderrAt + "stderr: ".Length)..].Trim();
        return stderr.Length > 0 ? stderr : report.Trim();
    }
}
