namespace OrdersPipeline.Emulator;

/// <summary>How often a <see cref="FaultPlan"/> injects each fault.</summary>
/// <param name="S3Unavailable">Chance that one S3 PutObject request is answered 503 Slow Down/Service Unavailable
/// without reaching the bucket.</param>
/// <param name="OutageFirstInvocation">The processor invocation (numbered from 1) at which a full S3 outage
/// starts: every PutObject is answered 503.</param>
/// <param name="OutageInvocations">How many processor invocations the outage lasts.</param>
/// <param name="AuditWriteFault">Chance that one DynamoDB PutItem request is faulted, split evenly between a 500
/// answer, a connection reset before forwarding, and a connection reset after the write landed.</param>
/// <param name="ProcessorTimeout">Chance that a processor invocation is given only
/// <see cref="ShortRemainingTime"/> (plus up to <see cref="ShortRemainingSpread"/>) instead of the full time.</param>
/// <param name="ShortRemainingTime">The shortest remaining time of such an invocation.</param>
/// <param name="ShortRemainingSpread">Up to this much more, drawn per invocation.</param>
/// <param name="DeadLetterRedelivery">Chance that a DLQ message the audit function stored is delivered once
/// more.</param>
/// <param name="S3LateWrite">Chance that one S3 PutObject is held for <see cref="LateWriteDelay"/> and then
/// forwarded anyway: the client has given up on it, but the write still lands, late (off unless asked for).</param>
/// <param name="LateWriteDelay">How long such a write is held.</param>
public sealed record FaultRates(
    double S3Unavailable,
    int OutageFirstInvocation,
    int OutageInvocations,
    double AuditWriteFault,
    double ProcessorTimeout,
    TimeSpan ShortRemainingTime,
    TimeSpan ShortRemainingSpread,
    double DeadLetterRedelivery,
    double S3LateWrite = 0,
    TimeSpan LateWriteDelay = default);
