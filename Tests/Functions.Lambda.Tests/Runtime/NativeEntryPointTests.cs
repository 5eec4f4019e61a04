namespace OrdersPipeline.Functions.Tests.Runtime;

public sealed class NativeEntryPointTests
{
    [TestCaseSource(typeof(Handlers), nameof(Handlers.All))]
    public void Every_handler_string_has_a_runtime_loop(string handler)
    {
        using var bootstrap = NativeEntryPoint.Bootstrap(handler);

        Assert.That(bootstrap, Is.Not.Null);
    }

    [Test]
    public void Handlers_all_lists_five_distinct_handlers()
    {
        Assert.That(Handlers.All, Is.Unique.And.Count.EqualTo(5));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("OrdersPipeline.Functions::OrdersPipeline.Functions.Audit.AuditFunction::Handle")]
    public void Any_other_handler_string_has_none_and_the_message_names_the_valid_ones(string? handler)
    {
        Assert.Multiple(() =>
        {
            Assert.That(NativeEntryPoint.Bootstrap(handler), Is.Null);
            Assert.That(NativeEntryPoint.UnknownHandler(handler),
                Does.Contain("_HANDLER").And.Contain(Handlers.Audit).And.Contain(Handlers.Processor));
        });
    }
}
