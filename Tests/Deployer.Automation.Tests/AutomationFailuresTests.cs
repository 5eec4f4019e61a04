using System.ComponentModel;
using OrdersPipeline.Deployer.Automation.Tests.Support;
using OrdersPipeline.Deployer.Engine;
using Pulumi.Automation.Commands.Exceptions;

namespace OrdersPipeline.Deployer.Automation.Tests;

/// <summary>Pulumi's exceptions become the port's failures; a failed command's reason is its stderr part.</summary>
public sealed class AutomationFailuresTests
{
    [Test]
    public void A_process_that_cannot_start_is_a_missing_engine()
    {
        var exception = new Win32Exception(2, "No such file or directory");

        var failure = AutomationFailures.ToPort(exception);

        Assert.That(failure, Is.TypeOf<EngineMissingException>());
        Assert.That(failure!.InnerException, Is.SameAs(exception));
    }

    [Test]
    public void A_stack_that_is_not_found_is_a_missing_stack()
    {
        var failure = AutomationFailures.ToPort(
            PulumiTypes.Failure<StackNotFoundException>("error: no stack named 'qa' found"));

        Assert.That(failure, Is.TypeOf<StackMissingException>());
        Assert.That(failure!.Message, Is.EqualTo("error: no stack named 'qa' found"));
    }

    [Test]
    public void A_concurrent_update_is_a_locked_stack_with_the_engine_reason()
    {
        var failure = AutomationFailures.ToPort(
            PulumiTypes.Failure<ConcurrentUpdateException>("error: the stack is currently locked by 1 lock(s)"));

        Assert.That(failure, Is.TypeOf<StackLockedException>());
        Assert.That(failure!.Message, Is.EqualTo("error: the stack is currently locked by 1 lock(s)"));
    }

    [Test]
    public void Any_other_failed_command_is_an_engine_command_failure_with_its_stderr()
    {
        var failure = AutomationFailures.ToPort(PulumiTypes.Failure<CommandException>("error: BucketNotEmpty"));

        Assert.That(failure, Is.TypeOf<EngineCommandException>());
        Assert.That(failure!.Message, Is.EqualTo("error: BucketNotEmpty"));
    }

    [Test]
    public void An_exception_that_is_not_Pulumi_s_is_left_alone()
    {
        Assert.That(AutomationFailures.ToPort(new InvalidOperationException("the program broke")), Is.Null);
    }

    [Test]
    public void A_call_rethrows_Pulumi_s_exceptions_as_the_port_s_and_others_as_they_are()
    {
        var programFailure = new InvalidOperationException("the program broke");

        Assert.ThrowsAsync<StackMissingException>(() => AutomationFailures.PortAsync<int>(
            () => throw PulumiTypes.Failure<StackNotFoundException>("error: no stack named 'qa' found")));
        Assert.That(
            Assert.ThrowsAsync<InvalidOperationException>(
                () => AutomationFailures.PortAsync(() => Task.FromException(programFailure))),
            Is.SameAs(programFailure));
    }
}
