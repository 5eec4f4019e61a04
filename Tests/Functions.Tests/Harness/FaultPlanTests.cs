using System.Text;
using OrdersPipeline.Emulator;

namespace OrdersPipeline.Functions.Tests.Harness;

/// <summary>The fault test's seeded decisions: reproducible per seed, at the configured rates, in the outage
/// window.</summary>
public sealed class FaultPlanTests
{
    private static FaultRates Rates(double s3 = 0.2, double audit = 0.2) => new(
        S3Unavailable: s3, OutageFirstInvocation: 3, OutageInvocations: 2, AuditWriteFault: audit,
        ProcessorTimeout: 0.1,
        ShortRemainingTime: TimeSpan.FromSeconds(1), ShortRemainingSpread: TimeSpan.FromMilliseconds(50),
        DeadLetterRedelivery: 0.3);

    private static ProxyRequest Put(int i) => new("PUT", $"/bucket/processed-data/2026/11/23/o-{i % 50}.json");

    private static ProxyRequest PutItem(int i) => new("POST", "/", "DynamoDB_20120810.PutItem",
        Encoding.UTF8.GetBytes("""{"TableName":"t","Item":{"auditId":{"S":"a-""" + (i % 40) + "\"}}}"));

    private static List<ProxyFault> Decisions(int seed)
    {
        var plan = new FaultPlan(seed, Rates());
        return
        [
            .. Enumerable.Range(0, 400).Select(i => plan.S3Rule(Put(i))),
            .. Enumerable.Range(0, 400).Select(i => plan.DynamoDbRule(PutItem(i))),
        ];
    }

    [Test]
    public void One_seed_gives_the_same_decisions_and_another_seed_different_ones()
    {
        var first = Decisions(7);
        var again = Decisions(7);
        var other = Decisions(8);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void Faults_come_at_about_the_configured_rate_in_every_kind()
    {
        var plan = new FaultPlan(1, Rates());
        var s3 = Enumerable.Range(0, 2_000).Count(i => plan.S3Rule(Put(i)).Status == 503);
        var audit = Enumerable.Range(0, 3_000).Select(i => plan.DynamoDbRule(PutItem(i))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(s3, Is.InRange(300, 500), "20% of 2,000");
            Assert.That(audit.Count(f => f.Status == 500), Is.InRange(150, 250), "a third of 20% of 3,000");
            Assert.That(audit.Count(f => f.Reset == ProxyReset.BeforeForwarding), Is.InRange(150, 250));
            Assert.That(audit.Count(f => f.Reset == ProxyReset.AfterForwarding), Is.InRange(150, 250));
            Assert.That(plan.Count(FaultPlan.S3Unavailable), Is.EqualTo(s3));
            Assert.That(plan.DynamoDbRule(new ProxyRequest("POST", "/", "DynamoDB_20120810.Scan")),
                Is.EqualTo(ProxyFault.None));
            Assert.That(plan.S3Rule(new ProxyRequest("GET", "/bucket/k")), Is.EqualTo(ProxyFault.None));
        });
    }

    [Test]
    public void Every_put_fails_inside_the_outage_window_and_only_there()
    {
        var plan = new FaultPlan(1, Rates(s3: 0));
        var failing = new List<int>();
        for (var invocation = 1; invocation <= 6; invocation++)
        {
            plan.BeforeProcessorInvocation(invocation, TimeSpan.FromMinutes(1));
            if (Enumerable.Range(0, 20).All(i => plan.S3Rule(Put(i)).Status == 503))
            {
                failing.Add(invocation);
            }
        }
        Assert.Multiple(() =>
        {
            Assert.That(failing, Is.EqualTo(new[] { 3, 4 }));
            Assert.That(plan.Count(FaultPlan.S3Outage), Is.EqualTo(40));
            Assert.That(plan.Count(FaultPlan.S3Unavailable), Is.Zero);
        });
    }
}
