using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Functions.Tests.Privacy;

/// <summary>How often a random digit string of each length 13..19 is taken for a card number (docs/security.md,
/// "Card numbers"): the share of six-digit prefixes a brand issues at that length times the Luhn check's 1 in 10,
/// computed exactly, and the detector's own rate on random strings agreeing with it.</summary>
public sealed class CardNumberFalsePositiveTests
{
    private const int Samples = 100_000;

    [Test]
    public void Random_digit_strings_are_taken_for_card_numbers_at_the_rate_the_iin_table_predicts_and_under_3_percent()
    {
        var random = new Random(2026);
        var buffer = new char[CardNumberDetector.MaxDigits];
        for (var length = CardNumberDetector.MinDigits; length <= CardNumberDetector.MaxDigits; length++)
        {
            var issuedPrefixes = Enumerable.Range(0, 1_000_000).Count(iin => CardNumberDetector.IsIssued(iin, length));
            var predicted = issuedPrefixes / 1_000_000.0 / 10;

            var found = 0;
            for (var sample = 0; sample < Samples; sample++)
            {
                for (var at = 0; at < length; at++)
                {
                    buffer[at] = (char)('0' + random.Next(10));
                }

                found += CardNumberDetector.Contains(buffer.AsSpan(0, length)) ? 1 : 0;
            }

            var measured = (double)found / Samples;
            TestContext.Out.WriteLine($"{length} digits: predicted {predicted:P3}, measured {measured:P3}");
            Assert.Multiple(() =>
            {
                Assert.That(measured, Is.EqualTo(predicted).Within(0.0025), $"{length} digits");
                Assert.That(predicted, Is.LessThan(0.03), $"{length} digits");
            });
        }
    }
}
