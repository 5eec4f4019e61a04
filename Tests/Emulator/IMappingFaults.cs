namespace OrdersPipeline.Emulator;

/// <summary>
/// Faults the <see cref="StreamMappingSimulator"/> injects on its own side of the functions: the time an
/// invocation is given, and DLQ messages delivered again after they were audited.
/// </summary>
public interface IMappingFaults
{
    /// <summary>Called before each processor invocation (numbered from 1); returns its remaining time.</summary>
    TimeSpan BeforeProcessorInvocation(int invocation, TimeSpan normal);

    /// <summary>Whether a DLQ message the audit function stored is kept in the queue and delivered once more, as
    /// SQS may (at-least-once delivery).</summary>
    bool RedeliverAfterAudit(string messageId);
}
