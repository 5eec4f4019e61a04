using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Functions.Tests.Configuration;

public sealed class IngestSettingsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void File_ingest_reads_its_tables_and_defaults_the_object_limit_to_100_mb()
    {
        var settings = FileIngestSettings.FromEnvironment(Env(("ORDERS_TABLE_NAME", "orders"), ("INGEST_LOG_TABLE_NAME", "log")));
        Assert.That((settings.OrdersTableName, settings.IngestLogTableName, settings.MaxObjectMb, settings.MaxObjectBytes),
            Is.EqualTo(("orders", "log", 100, 100L * 1024 * 1024)));
    }

    [TestCase("INGEST_LOG_TABLE_NAME")]
    [TestCase("ORDERS_TABLE_NAME")]
    public void A_missing_table_name_is_named(string missing)
    {
        var values = new[] { ("ORDERS_TABLE_NAME", "orders"), ("INGEST_LOG_TABLE_NAME", "log") }.Where(v => v.Item1 != missing).ToArray();
        Assert.That(() => FileIngestSettings.FromEnvironment(Env(values)),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains(missing));
    }

    [TestCase("0")]
    [TestCase("1025")]
    [TestCase("ten")]
    public void An_object_limit_outside_1_to_1024_is_refused(string value) =>
        Assert.That(() => FileIngestSettings.FromEnvironment(Env(("ORDERS_TABLE_NAME", "o"), ("INGEST_LOG_TABLE_NAME", "l"),
            ("MAX_OBJECT_MB", value))), Throws.TypeOf<ConfigurationException>().With.Message.Contains("MAX_OBJECT_MB"));

    [Test]
    public void Http_ingest_requires_the_orders_table_name() =>
        Assert.That(() => HttpIngestSettings.FromEnvironment(Env()),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("ORDERS_TABLE_NAME"));
}
