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

    private static ProcessedObjectVersion Version(string sequence, string key = "k", bool latest = true) =>
        new(key, "v" + sequence, 1, latest,
            JsonDocument.Parse($$$"""{"metadata":{"sequenceNumber":"{{{sequence}}}"}}""").RootElement.Clone());

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

    [Test]
    public void An_object_whose_latest_version_is_older_than_another_of_its_versions_is_out_of_order()
    {
        var reconciliation = new Reconciliation([], [
            Version("9", "a", latest: false), Version("10", "a"),
            Version("100", "b", latest: false), Version("99", "b"),
            Version("5", "c"),
        ], []);
        Assert.That(reconciliation.OutOfOrder,
            Is.EqualTo(new[] { "b: latest version is seq 99, newest settled change is seq 100" }),
            "\"10\" after \"9\" is in order as a number; \"99\" after \"100\" is not");
    }

    [Test]
    public void A_second_row_for_one_dlq_message_audit_id_or_range_is_a_duplicate()
    {
        static Dictionary<string, AttributeValue> Audit(string auditId, string messageId, string start) =>
            new(Row("s-1", start, start))
            {
                ["auditId"] = new() { S = auditId },
                ["dlqMessageId"] = new() { S = messageId },
            };
        var clean = new Reconciliation([], [], [Audit("a-1", "m-1", "1"), Audit("a-2", "m-2", "2")]);
        var duplicated = new Reconciliation(
            [], [], [Audit("a-1", "m-1", "1"), Audit("a-1", "m-1", "1"), Audit("a-3", "m-3", "1")]);
        Assert.Multiple(() =>
        {
            Assert.That(clean.DuplicateAuditRows, Is.Empty);
            Assert.That(duplicated.DuplicateAuditRows, Is.EquivalentTo(new[]
            {
                "2 rows for DLQ message m-1", "2 rows for audit id a-1", "3 rows for range s-1 1..1",
            }));
        });
    }
}
