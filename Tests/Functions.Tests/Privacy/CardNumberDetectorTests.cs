using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Functions.Tests.Privacy;

public sealed class CardNumberDetectorTests
{
    private static IEnumerable<TestCaseData> EachBrandAtEachLength() =>
        from brand in CardNumbers.Issued
        from length in brand.Lengths
        select new TestCaseData(brand.Prefix, length).SetName($"{brand.Brand} {brand.Prefix} at {length} digits");

    [TestCaseSource(nameof(EachBrandAtEachLength))]
    public void A_brands_number_at_a_length_it_issues_is_found(string prefix, int length)
    {
        var number = CardNumbers.Make(prefix, length);
        Assert.Multiple(() =>
        {
            Assert.That(CardNumberDetector.TryFind(number, 0, out var match), Is.True, number);
            Assert.That(match, Is.EqualTo(new CardNumberMatch(0, length, length)));
            Assert.That(CardNumberDetector.Contains($"note: {number}."), Is.True, "inside text");
        });
    }

    [TestCaseSource(nameof(EachBrandAtEachLength))]
    public void The_same_number_failing_the_luhn_check_is_not_found(string prefix, int length) =>
        Assert.That(CardNumberDetector.Contains(CardNumbers.BreakLuhn(CardNumbers.Make(prefix, length))), Is.False);

    [TestCase("4", 14)]
    [TestCase("4", 15)]
    [TestCase("4", 17)]
    [TestCase("4", 18)]
    [TestCase("51", 15)]
    [TestCase("55", 17)]
    [TestCase("34", 16)]
    [TestCase("37", 14)]
    [TestCase("3528", 15)]
    [TestCase("36", 13)]
    [TestCase("62", 15)]
    [TestCase("6011", 15)]
    public void A_brands_prefix_at_a_length_it_does_not_issue_is_not_found(string prefix, int length) =>
        Assert.That(CardNumberDetector.Contains(CardNumbers.Make(prefix, length)), Is.False);

    [TestCase("2220")]
    [TestCase("2721")]
    [TestCase("50")]
    [TestCase("56")]
    [TestCase("33")]
    [TestCase("3527")]
    [TestCase("3590")]
    [TestCase("306")]
    [TestCase("3094")]
    [TestCase("643")]
    [TestCase("6010")]
    [TestCase("1")]
    [TestCase("7")]
    [TestCase("8")]
    [TestCase("9")]
    [TestCase("0")]
    public void A_luhn_valid_number_outside_every_brands_range_is_not_found(string prefix)
    {
        foreach (var length in Enumerable.Range(CardNumberDetector.MinDigits, 7))
        {
            Assert.That(CardNumberDetector.Contains(CardNumbers.Make(prefix, length)), Is.False, $"{prefix} at {length}");
        }
    }

    [TestCase("4929 8375 6102 9385")]
    [TestCase("4929-8375-6102-9385")]
    [TestCase("4929 8375-6102 9385")]
    [TestCase("49298375 61029385")]
    [TestCase("3782 822463 10005")]
    [TestCase("3056 930902 5904")]
    public void Single_spaces_or_hyphens_between_digit_groups_are_read_through(string text)
    {
        Assert.That(CardNumberDetector.TryFind($"card {text} thanks", 0, out var match), Is.True);
        Assert.That(match.Start, Is.EqualTo(5));
        Assert.That(match.Length, Is.EqualTo(text.Length));
    }

    [TestCase("4929  8375 6102 9385", Description = "two spaces end the run")]
    [TestCase("4929--8375-6102-9385", Description = "two hyphens end the run")]
    [TestCase("4929_8375_6102_9385", Description = "other separators are not read through")]
    [TestCase("4929.8375.6102.9385")]
    [TestCase("4929/8375/6102/9385")]
    public void Other_separators_split_the_number_into_pieces_too_short_to_be_one(string text) =>
        Assert.That(CardNumberDetector.Contains(text), Is.False);

    [TestCase("x4929837561029385", Description = "a letter before")]
    [TestCase("4929837561029385x", Description = "a letter after")]
    [TestCase("ref-A4929-8375-6102-9385", Description = "a letter glued to the first group")]
    [TestCase("14929837561029385", Description = "a digit before: a longer run")]
    [TestCase("49298375610293850", Description = "a digit after: a longer run")]
    [TestCase("492983756102938512345678", Description = "a 24-digit run")]
    public void Digits_inside_a_longer_run_of_digits_or_letters_are_not_a_card_number(string text) =>
        Assert.That(CardNumberDetector.Contains(text), Is.False);

    [TestCase("qty 2 4929 8375 6102 9385", 6)]
    [TestCase("4929 8375 6102 9385 12", 0)]
    [TestCase("(4929837561029385)", 1)]
    [TestCase("\"4929837561029385\"", 1)]
    [TestCase("card:4929837561029385;", 5)]
    [TestCase("-4929837561029385", 1)]
    public void A_card_number_between_other_groups_or_punctuation_is_found(string text, int start)
    {
        Assert.That(CardNumberDetector.TryFind(text, 0, out var match), Is.True);
        Assert.That(match.Start, Is.EqualTo(start));
        Assert.That(match.Digits, Is.EqualTo(16));
    }

    [TestCase("")]
    [TestCase("2026-11-23T10:01:03.123Z")]
    [TestCase("+49 30 1234 5678")]
    [TestCase("1234567890123")]
    [TestCase("order o-1001 of customer c-42, 2 x A-1 at 19.90 EUR")]
    public void Ordinary_order_text_holds_no_card_number(string text) =>
        Assert.That(CardNumberDetector.Contains(text), Is.False);

    [Test]
    public void Every_card_number_in_a_text_is_found_in_order()
    {
        var text = $"first {CardNumbers.Visa}, second 3782 822463 10005";
        Assert.That(CardNumberDetector.TryFind(text, 0, out var first), Is.True);
        Assert.That(CardNumberDetector.TryFind(text, first.End, out var second), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(text.Substring(first.Start, first.Length), Is.EqualTo(CardNumbers.Visa));
            Assert.That(text.Substring(second.Start, second.Length), Is.EqualTo("3782 822463 10005"));
            Assert.That(CardNumberDetector.TryFind(text, second.End, out _), Is.False);
        });
    }

    [Test]
    public void A_clean_value_is_scanned_without_allocating()
    {
        var text = string.Concat(Enumerable.Repeat("order o-1001 2026-11-23 sku A-1 qty 2 at 19.90; ", 20));
        var nearMiss = CardNumbers.BreakLuhn(CardNumbers.Visa);
        var found = false;
        for (var warmUp = 0; warmUp < 100; warmUp++)
        {
            found |= CardNumberDetector.Contains(text) || CardNumberDetector.Contains(nearMiss);
        }

        // The JIT may allocate while it recompiles a hot method; a thousand scans must not allocate per scan.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var scan = 0; scan < 1000; scan++)
        {
            found |= CardNumberDetector.Contains(text) || CardNumberDetector.Contains(nearMiss);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(found, Is.False);
        Assert.That(allocated, Is.LessThan(1000), "bytes for 1000 scans");
    }
}
