using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Functions.Tests.Privacy;

public sealed class CardNumberMaskerTests
{
    [TestCase("4929837561029385", "492983******9385")]
    [TestCase("pay 4929 8375 6102 9385 now", "pay 4929 83** **** 9385 now")]
    [TestCase("3782-822463-10005", "3782-82****-*0005")]
    [TestCase("a 4929837561029385 b 30569309025904", "a 492983******9385 b 305693****5904")]
    public void Mask_keeps_the_first_six_and_last_four_digits_and_the_separators(string text, string masked) =>
        Assert.That(CardNumberMasker.Mask(text), Is.EqualTo(masked));

    [TestCase("4929837561029385", "************9385")]
    [TestCase("pay 4929 8375 6102 9385 now", "pay **** **** **** 9385 now")]
    public void Redact_keeps_only_the_last_four_digits(string text, string redacted) =>
        Assert.That(CardNumberMasker.Redact(text), Is.EqualTo(redacted));

    [Test]
    public void A_masked_number_is_no_longer_found()
    {
        var masked = CardNumberMasker.Mask($"card {CardNumbers.Visa}");
        Assert.That(CardNumberDetector.Contains(masked), Is.False);
        Assert.That(CardNumberMasker.Mask(masked), Is.SameAs(masked));
    }

    [Test]
    public void A_text_without_a_card_number_comes_back_as_the_same_instance()
    {
        var text = "order o-1001, tracking 1Z999AA10123456784, phone +49 30 1234 5678";
        Assert.That(CardNumberMasker.Mask(text), Is.SameAs(text));
        Assert.That(CardNumberMasker.Redact(text), Is.SameAs(text));
    }
}
