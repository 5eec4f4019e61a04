using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Functions.Tests.Harness;

/// <summary>The harness's one reconciliation: what counts as written, audited and lost.</summary>
public sealed class ReconciliationTests
{
    private static StreamRecordEnvelope Record(string shard, string sequence, string eventName = "INSERT") =>
        new(shard, sequence, eventName, new JsonObject());

    private static ProcessedObjectVersion Version(string sequence) =>
        new("k", "v", 1, true, JsonDocument.Parse($$$"""{"metadata":{"sequenceNumber":"{{{sequence}}}"}}""").RootElement.Clone());

    private static Dictionary<string, AttributeValue> Row(string shard, string start, string end) => new()
    {
        ["shardId"] = new() { S = shard },
        ["startSequenceNumber"] = new() { S = start },
        ["endSequenceNumber"] = new() { S = end },
    };

    [Test]
    public void The_filter_is_the_one_infra_deploys() => Assert.Multiple(() =>
    {
        foreach (var name in StreamFilters.KeptEventNames)
        {
            Assert.That(Reconciliation.KeptByFilter(Record("s", "1", name)), Is.True, name);
        }
        Assert.That(Reconciliation.KeptByFilter(Record("s", "1", "REMOVE")), Is.False);
    });

    [Test]
    public void A_change_is_audited_only_when_a_row_of_its_shard_covers_its_sequence_number_numerically()
    {
        var reconciliation = new Reconciliation(
            [Record("s-1", "9"), Record("s-1", "10"), Record("s-1", "100"), Record("s-2", "9"), Record("s-1", "11", "REMOVE")],
            [Version("100")],
            [Row("s-1", "9", "10"), Row("s-2", "10", "20")]);
        Assert.Multiple(() =>
        {
            Assert.That(reconciliation.Changes, Is.EqualTo(new[] { "9", "10", "100", "9" }));
            Assert.That(reconciliation.Filtered, Is.EqualTo(1));
            Assert.That(reconciliation.Audited, Is.EquivalentTo(new[] { "9", "10" }), "\"100\" sorts inside \"10\"..\"9\" as text, not as a number");
            Assert.That(reconciliation.Written, Is.EquivalentTo(new[] { "100" }));
            Assert.That(reconciliation.Lost, Is.Empty);
            Assert.That(reconciliation.WrittenAndAudited, Is.Empty);
        });
    }

    [Test]
    public void A_change_neither_written_nor_audited_is_lost()
    {
        var reconciliation = new Reconciliation([Record("s-1", "1"), Record("s-1", "2")], [Version("1")], []);
        Assert.Multiple(() =>
        {
            Assert.That(reconciliation.Lost, Is.EqualTo(new[] { "2" }));
            Assert.That(reconciliation.Summary, Does.Contain("2 changes, 1 in S3, 0 audited, 1 lost"));
        });
    }
}
