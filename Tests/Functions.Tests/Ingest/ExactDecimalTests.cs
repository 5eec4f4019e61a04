using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Tests.Ingest;

public sealed class ExactDecimalTests
{
    [TestCase("0")]
    [TestCase("12")]
    [TestCase("12.5")]
    [TestCase("129.90")]
    [TestCase("-3.10")]
    [TestCase("999999999999999999.99")]
    public void Exact_money_text_is_accepted(string text) => Assert.That(ExactDecimal.Check(text), Is.Null);

    [TestCase("12.345", "at most 2 digits after the decimal point")]
    [TestCase("0.001", "at most 2 digits after the decimal point")]
    [TestCase("1E+2", "without an exponent")]
    [TestCase("1.5e3", "without an exponent")]
    [TestCase("01.50", "leading zeros")]
    [TestCase(".5", "a decimal number")]
    [TestCase("+1", "a decimal number")]
    [TestCase("1.", "digits after the decimal point")]
    [TestCase("1,50", "a decimal number")]
    [TestCase("NaN", "a decimal number")]
    [TestCase("", "a decimal number")]
    [TestCase(" 1.50", "a decimal number")]
    [TestCase("1234567890123456789.00", "at most 18 digits before the decimal point")]
    public void Inexact_or_malformed_money_is_refused_with_its_reason(string text, string reason) =>
        Assert.That(ExactDecimal.Check(text), Does.Contain(reason));

    [TestCase("-0.01", true)]
    [TestCase("-0", false)]
    [TestCase("-0.00", false)]
    [TestCase("0.01", false)]
    public void Negative_means_below_zero(string text, bool negative) =>
        Assert.That(ExactDecimal.IsNegative(text), Is.EqualTo(negative));
}
