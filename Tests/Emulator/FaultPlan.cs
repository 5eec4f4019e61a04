using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace OrdersPipeline.Emulator;

/// <summary>
/// The seeded faults of one run: proxy rules for S3 (503s, an outage window counted in processor invocations) and
/// DynamoDB (PutItem answered 500, reset before forwarding, or reset after the write landed), short remaining times
/// for processor invocations and DLQ redeliveries. Every decision is a hash of the seed, the fault kind, what the
/// request is about (object key, audit id, invocation number) and how often that was seen before, so a seed gives
/// the same decisions whatever order concurrent requests arrive in. Counts what it injected, by kind.
/// </summary>
public sealed class FaultPlan(int seed, FaultRates rates) : IMappingFaults
{
    public const string S3Unavailable = "S3 PutObject 503";
    public const string S3Outage = "S3 PutObject 503 (outage)";
    public const string AuditStatus500 = "audit PutItem 500";
    public const string AuditResetBefore = "audit PutItem reset before the write";
    public const string AuditResetAfter = "audit PutItem reset after the write landed";
    public const string S3LateWrite = "S3 PutObject landed after the client gave up";
    public const string ProcessorTimeout = "processor short remaining time";
    public const string DeadLetterRedelivery = "DLQ message redelivered";

    private const string PutItemTarget = "DynamoDB_20120810.PutItem";

    private readonly ConcurrentDictionary<string, int> _injected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private int _invocation;
    private int _auditPuts;

    public int Seed => seed;

    public FaultRates Rates => rates;

    /// <summary>Faults injected so far, by kind.</summary>
    public IReadOnlyDictionary<string, int> Injected => _injected.ToDictionary(p => p.Key, p => p.Value);

    public int Count(string kind) => _injected.GetValueOrDefault(kind);

    /// <summary>Whether the current processor invocation falls in the outage window.</summary>
    public bool InOutage
    {
        get
        {
            var invocation = Volatile.Read(ref _invocation);
            return invocation >= rates.OutageFirstInvocation &&
                invocation < rates.OutageFirstInvocation + rates.OutageInvocations;
        }
    }

    /// <summary>The rule for a proxy in front of S3: PutObject requests fail during the outage, and at
    /// random.</summary>
    public ProxyFault S3Rule(ProxyRequest request)
    {
        if (request.Method != "PUT")
        {
            return ProxyFault.None;
        }
        if (InOutage)
        {
            return Inject(S3Outage, ProxyFault.Answer(503));
        }
        if (Draw("s3", request.Path) < rates.S3Unavailable)
        {
            return Inject(S3Unavailable, ProxyFault.Answer(503));
        }
        return rates.S3LateWrite > 0 && Draw("late", request.Path) < rates.S3LateWrite
            ? Inject(S3LateWrite, new ProxyFault(rates.LateWriteDelay))
            : ProxyFault.None;
    }

    /// <summary>The rule for a proxy in front of DynamoDB: PutItem requests fail at random in one of three
    /// ways.</summary>
    public ProxyFault DynamoDbRule(ProxyRequest request)
    {
        if (request.Target != PutItemTarget)
        {
            return ProxyFault.None;
        }
        // Audit ids are random, so which puts the draws fault differs between runs of one seed; the first three puts
        // get one fault of each kind, so every run exercises all three whatever the draws give.
        if (rates.AuditWriteFault > 0 && Interlocked.Increment(ref _auditPuts) is var put and <= 3)
        {
            return AuditFault((put - 0.5) / 3);
        }

        var identity = AuditId(request.Body) ?? "?";
        var draw = Draw("ddb", identity);
        // The same draw, scaled to [0, 1), picks the kind: independent of whether a fault happens at all.
        return draw >= rates.AuditWriteFault ? ProxyFault.None : AuditFault(draw / rates.AuditWriteFault);
    }

    private ProxyFault AuditFault(double kind) => kind switch
    {
        < 1.0 / 3 => Inject(AuditStatus500, ProxyFault.Answer(500)),
        < 2.0 / 3 => Inject(AuditResetBefore, ProxyFault.ResetConnection(ProxyReset.BeforeForwarding)),
        _ => Inject(AuditResetAfter, ProxyFault.ResetConnection(ProxyReset.AfterForwarding)),
    };

    public TimeSpan BeforeProcessorInvocation(int invocation, TimeSpan normal)
    {
        Volatile.Write(ref _invocation, invocation);
        var key = invocation.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Draw("timeout", key) >= rates.ProcessorTimeout)
        {
            return normal;
        }
        Inject(ProcessorTimeout, ProxyFault.None);
        return rates.ShortRemainingTime + (rates.ShortRemainingSpread * Draw("spread", key));
    }

    public bool RedeliverAfterAudit(string messageId)
    {
        if (Draw("redeliver", messageId) >= rates.DeadLetterRedelivery)
        {
            return false;
        }
        Inject(DeadLetterRedelivery, ProxyFault.None);
        return true;
    }

    private ProxyFault Inject(string kind, ProxyFault fault)
    {
        _injected.AddOrUpdate(kind, 1, (_, n) => n + 1);
        return fault;
    }

    /// <summary>A number in [0, 1) from the seed, the kind, the identity and how often it was drawn before.</summary>
    private double Draw(string kind, string identity)
    {
        var name = $"{kind}|{identity}";
        var occurrence = _seen.AddOrUpdate(name, 1, (_, n) => n + 1);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes($"{seed}|{name}|{occurrence}"))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        // SplitMix64's finaliser spreads FNV's low-entropy high bits.
        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    private static string? AuditId(byte[]? body)
    {
        if (body is not { Length: > 0 })
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.GetProperty("Item").GetProperty("auditId").GetProperty("S").GetString();
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
