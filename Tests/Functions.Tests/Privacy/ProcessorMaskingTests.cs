using System.Text.Json;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Metrics;
using OrdersPipeline.Functions.Privacy;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Privacy;

/// <summary>The processor masks every card number before a document is written, and counts the records.</summary>
public sealed class ProcessorMaskingTests
{
    private const string Pan = CardNumbers.Visa;

    private static readonly string WithCards =
        "\"note\":{\"S\":\"pay with " + Pan + "\"},\"card\":{\"N\":\"" + Pan + "\"}," +
        "\"meta\":{\"M\":{\"history\":{\"L\":[{\"S\":\"ok\"},{\"S\":\"4929-8375-6102-9385\"}]}}}," +
        "\"tags\":{\"SS\":[\"a\",\"" + Pan + "\"]}";

    private static async Task<(BatchOutcome Outcome, RecordingS3 S3, CapturedLog Log)> RunAsync(
        CardNumberGuard guard, params string[] records)
    {
        var s3 = new RecordingS3();
        var log = new CapturedLog();
        var settings = new ProcessorSettings { BucketName = "test-bucket", CardNumbers = guard };
        var outcome = await new ProcessorService(s3.Mock.Object, settings, new FixedTime(), log.Log)
            .HandleAsync(StreamFixtures.Event(records), Invocations.Create());
        return (outcome, s3, log);
    }

    [Test]
    public async Task Every_card_number_in_a_document_is_masked_to_first_six_and_last_four()
    {
        var (outcome, s3, log) = await RunAsync(CardNumberGuard.Default,
            Fixtures.Record("1".PadLeft(21, '0'), "o-1", WithCards, "MODIFY", oldImageAttributes: "\"note\":{\"S\":\"" + Pan + "\"}"),
            Fixtures.Record("2".PadLeft(21, '0'), "o-2", "\"note\":{\"S\":\"no card here\"}"));

        var document = JsonDocument.Parse(s3.Puts.Single(p => p.Key.EndsWith("o-1.json")).Body).RootElement;
        var data = document.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.FailedSequenceNumbers, Is.Empty);
            Assert.That(data.GetProperty("note").GetString(), Is.EqualTo("pay with 492983******9385"));
            Assert.That(data.GetProperty("card").GetString(), Is.EqualTo("492983******9385"), "a number is written as masked text");
            Assert.That(data.GetProperty("meta").GetProperty("history")[1].GetString(), Is.EqualTo("4929-83**-****-9385"));
            Assert.That(data.GetProperty("tags")[1].GetString(), Is.EqualTo("492983******9385"));
            Assert.That(document.GetProperty("previous").GetProperty("note").GetString(), Is.EqualTo("492983******9385"));
            Assert.That(outcome.CardNumbersMasked, Is.EqualTo(1), "records masked, not values");
            Assert.That(ProcessorService.Metrics(outcome).Single(m => m.Name == PipelineMetrics.CardNumbersMasked).Value,
                Is.EqualTo(1));
            Assert.That(log.WithMessage("card numbers masked").Single().GetProperty("fields").GetString(),
                Is.EqualTo("data.note,data.card,data.meta.history[1],data.tags,previous.note"));
            // The first six are allowed here; no run reaching into the hidden middle digits is.
            foreach (var run in CardNumbers.LeakingRuns(Pan).Skip(2))
            {
                Assert.That(string.Join("\n", s3.Puts.Select(p => p.Body)), Does.Not.Contain(run));
            }
        });
    }

    [Test]
    public async Task A_clean_batch_masks_nothing_and_counts_zero()
    {
        var (outcome, s3, log) = await RunAsync(CardNumberGuard.Default,
            Fixtures.Record("1".PadLeft(21, '0'), "o-1", "\"note\":{\"S\":\"phone +49 30 1234 5678\"}"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.CardNumbersMasked, Is.Zero);
            Assert.That(log.WithMessage("card numbers masked"), Is.Empty);
            Assert.That(s3.Puts.Single().Body, Does.Contain("phone +49 30 1234 5678"));
        });
    }

    [Test]
    public async Task Exempt_fields_are_written_as_they_are_and_off_masks_nothing()
    {
        var exempt = await RunAsync(new CardNumberGuard(CardNumberGuardMode.Refuse, ["note", "card", "meta", "tags"]),
            Fixtures.Record("1".PadLeft(21, '0'), "o-1", WithCards));
        var off = await RunAsync(new CardNumberGuard(CardNumberGuardMode.Off),
            Fixtures.Record("1".PadLeft(21, '0'), "o-1", WithCards));
        Assert.Multiple(() =>
        {
            Assert.That(exempt.Outcome.CardNumbersMasked, Is.Zero);
            Assert.That(exempt.S3.Puts.Single().Body, Does.Contain($"\"card\":{Pan}"));
            Assert.That(off.Outcome.CardNumbersMasked, Is.Zero);
            Assert.That(off.S3.Puts.Single().Body, Does.Contain($"pay with {Pan}"));
        });
    }
}
