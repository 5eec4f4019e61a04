using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Functions.Tests.Configuration;

public sealed class SettingsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void Processor_defaults_apply_when_only_the_bucket_is_set()
    {
        var settings = ProcessorSettings.FromEnvironment(Env(("BUCKET_NAME", "b")));
        Assert.That(settings, Is.EqualTo(new ProcessorSettings
        {
            BucketName = "b", KeyAttribute = "orderId", KeyPrefix = "processed-data", MaxConcurrency = 16,
        }));
    }

    [Test]
    public void Processor_reads_every_variable_and_trims_slashes_from_the_prefix()
    {
        var settings = ProcessorSettings.FromEnvironment(Env(
            ("BUCKET_NAME", "b"), ("KEY_ATTRIBUTE", "id"), ("KEY_PREFIX", "/out/v2/"), ("MAX_CONCURRENCY", "4")));
        Assert.That(settings, Is.EqualTo(new ProcessorSettings { BucketName = "b", KeyAttribute = "id", KeyPrefix = "out/v2", MaxConcurrency = 4 }));
    }

    [TestCase(null, null, "BUCKET_NAME is required")]
    [TestCase("MAX_CONCURRENCY", "0", "MAX_CONCURRENCY is '0'; it must be a whole number from 1 to 256")]
    [TestCase("MAX_CONCURRENCY", "lots", "MAX_CONCURRENCY is 'lots'")]
    [TestCase("MAX_CONCURRENCY", "5000", "from 1 to 256")]
    [TestCase("KEY_PREFIX", "a//b", "KEY_PREFIX")]
    [TestCase("KEY_PREFIX", "///", "KEY_PREFIX")]
    public void Processor_rejects_bad_values_naming_the_variable(string? name, string? value, string message)
    {
        (string, string)[] env = name is null ? [] : [("BUCKET_NAME", "b"), (name, value!)];
        Assert.That(() => ProcessorSettings.FromEnvironment(Env(env)),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains(message));
    }

    [Test]
    public void Audit_requires_its_table_name() => Assert.Multiple(() =>
    {
        Assert.That(AuditSettings.FromEnvironment(Env(("AUDIT_TABLE_NAME", "t"))).AuditTableName, Is.EqualTo("t"));
        Assert.That(() => AuditSettings.FromEnvironment(Env()),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("AUDIT_TABLE_NAME"));
    });

    [Test]
    public void Metrics_settings_come_from_the_contract_with_defaults() => Assert.Multiple(() =>
    {
        var defaults = ProcessorSettings.FromEnvironment(Env(("BUCKET_NAME", "b"))).Metrics;
        Assert.That(defaults, Is.EqualTo(new MetricsSettings { Namespace = "OrdersPipeline", Environment = "unknown", FunctionName = null }));
        var set = AuditSettings.FromEnvironment(Env(("AUDIT_TABLE_NAME", "t"), ("METRICS_NAMESPACE", "Shop/Orders"),
            ("ENVIRONMENT", "prod"), ("AWS_LAMBDA_FUNCTION_NAME", "prod-audit-lambda-backend"))).Metrics;
        Assert.That(set, Is.EqualTo(new MetricsSettings { Namespace = "Shop/Orders", Environment = "prod", FunctionName = "prod-audit-lambda-backend" }));
    });

    [TestCase("AWS/Lambda")]
    [TestCase(null)]
    public void A_metrics_namespace_cloudwatch_refuses_is_rejected(string? value) =>
        Assert.That(() => ProcessorSettings.FromEnvironment(Env(("BUCKET_NAME", "b"), ("METRICS_NAMESPACE", value ?? new string('n', 256)))),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("METRICS_NAMESPACE"));
}
