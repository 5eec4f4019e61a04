using NUnit.Framework;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Privacy;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>cardNumberGuard and cardNumberExemptFields: checked by the stack, passed to every function, read back by
/// the functions' own settings.</summary>
public sealed class CardNumberConfigTests
{
    [Test]
    public void By_default_the_functions_refuse_and_exempt_nothing()
    {
        Assert.That(FunctionEnvironment.CardNumbers(new ConfigFixture().Parse()), Is.EquivalentTo(
            new Dictionary<string, string> { ["CARD_NUMBER_GUARD"] = "refuse", ["CARD_NUMBER_EXEMPT_FIELDS"] = "" }));
    }

    [Test]
    public void The_stacks_values_reach_the_functions_settings_unchanged()
    {
        var config = new ConfigFixture().With("cardNumberGuard", "mask")
            .With("cardNumberExemptFields", "items[].trackingNo,meta.parcel").Parse();
        var environment = FunctionEnvironment.CardNumbers(config);
        var settings = ProcessorSettings.FromEnvironment(name =>
            name == ProcessorEnvironment.BucketName.Name ? "bucket" : environment.GetValueOrDefault(name));
        Assert.That(settings.CardNumbers,
            Is.EqualTo(new CardNumberGuard(CardNumberGuardMode.Mask, ["items[].trackingNo", "meta.parcel"])));
    }

    [TestCase("cardNumberGuard", "block", "one of refuse, mask, off")]
    [TestCase("cardNumberExemptFields", "items[0].trackingNo", "field paths like items[].trackingNo")]
    [TestCase("cardNumberExemptFields", "meta..parcel", "field paths like items[].trackingNo")]
    public void A_wrong_value_is_refused_before_anything_is_deployed(string key, string value, string allowed)
    {
        var error = Assert.Throws<ConfigValidationException>(() => new ConfigFixture().With(key, value).Parse());
        Assert.That(error!.Message, Does.Contain(key).And.Contain(allowed));
    }
}
