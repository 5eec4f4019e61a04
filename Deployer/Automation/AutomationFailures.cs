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
        StackNotFoundException => new StackMissingException(CommandReport.StderrOf(exception.Message), exception),
        ConcurrentUpdateException => new StackLockedException(CommandReport.StderrOf(exception.Message), exception),
        CommandException => new EngineCommandException(CommandReport.StderrOf(exception.Message), exception),
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
}
