using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Functions.Tests.Configuration;

public sealed class ConditionalWritesSettingsTests
{
    private static ProcessorSettings Read(string? value) => ProcessorSettings.FromEnvironment(name => name switch
    {
        "BUCKET_NAME" => "b",
        "CONDITIONAL_WRITES" => value,
        _ => null,
    });

    [TestCase(null, true)]
    [TestCase("", true)]
    [TestCase("true", true)]
    [TestCase(" TRUE ", true)]
    [TestCase("false", false)]
    [TestCase("False", false)]
    public void CONDITIONAL_WRITES_is_true_or_false_and_on_when_unset(string? value, bool expected)
    {
        Assert.That(Read(value).ConditionalWrites, Is.EqualTo(expected));
    }

    [TestCase("yes")]
    [TestCase("0")]
    public void Any_other_value_is_a_configuration_error_naming_the_variable(string value)
    {
        Assert.That(() => Read(value), Throws.TypeOf<ConfigurationException>()
            .With.Message.EqualTo($"Environment variable CONDITIONAL_WRITES is '{value}'; it must be true or false."));
    }
}
