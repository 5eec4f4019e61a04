using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class JsonNumberSyntaxTests
{
    [TestCase("0")]
    [TestCase("-0")]
    [TestCase("7")]
    [TestCase("129.90")]
    [TestCase("-12.5e-3")]
    [TestCase("1E5")]
    [TestCase("1e+5")]
    [TestCase("0.000")]
    public void Accepts_json_numbers(string text) => Assert.That(JsonNumberSyntax.IsValid(text), Is.True);

    [TestCase("")]
    [TestCase("-")]
    [TestCase("00")]
    [TestCase("-01")]
    [TestCase("1.")]
    [TestCase("1.e5")]
    [TestCase("1e+")]
    [TestCase("0x10")]
    [TestCase("1 ")]
    [TestCase("١")]
    public void Rejects_everything_else(string text) => Assert.That(JsonNumberSyntax.IsValid(text), Is.False);
}
