using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class ConfigSchemaTests
{
    private static readonly string[] IssueKeys =
    [
        "environment", "team", "batchSize", "maxBatchingWindowSeconds", "maxRetryAttempts", "maxRecordAgeSeconds",
        "parallelizationFactor", "processorMemoryMb", "processorTimeoutSeconds", "auditTimeoutSeconds",
        "logRetentionDays", "architecture", "errorAlarmThreshold", "iteratorAgeAlarmMs", "alertEmail", "protect",
        "forceDestroy", "noncurrentVersionExpirationDays",
    ];

    [Test]
    public void Keys_hold_every_key_the_issue_names_and_the_emulator_keys()
    {
        var names = ConfigSchema.Keys.Select(key => key.Name).ToArray();

        Assert.That(names, Is.SupersetOf(IssueKeys));
        Assert.That(names, Is.SupersetOf(new[] { "emulatorEndpoint", "emulatorAccessKey", "emulatorSecretKey" }));
        Assert.That(names, Is.Unique);
    }

    [Test]
    public void Every_key_has_a_description()
    {
        Assert.That(ConfigSchema.Keys.Select(key => key.Description), Has.All.Not.Empty);
    }

    [TestCase("batchSize", "100")]
    [TestCase("errorAlarmThreshold", "5")]
    [TestCase("architecture", "`arm64`")]
    [TestCase("functionPackage", "`readyToRun`")]
    [TestCase("protect", "false")]
    [TestCase("forceDestroy", "true")]
    [TestCase("emulatorAccessKey", "`test`")]
    [TestCase("environment", "the stack name")]
    [TestCase("team", "required")]
    [TestCase("alertEmail", "none")]
    [TestCase("emulatorEndpoint", "none")]
    public void Defaults_match_the_issue(string key, string expected)
    {
        Assert.That(ConfigSchema.Find(key).DefaultText, Is.EqualTo(expected));
    }

    [Test]
    public void Every_stated_default_is_itself_valid()
    {
        foreach (var key in ConfigSchema.Keys.Where(key => key.DefaultText is not ("none" or "required" or "the stack name")))
        {
            Assert.That(ConfigSchema.ValidateValue(key.Name, key.DefaultText.Trim('`')), Is.Null, key.Name);
        }
    }

    [Test]
    public void Only_team_is_required()
    {
        Assert.That(ConfigSchema.Keys.Where(key => key.IsRequired).Select(key => key.Name), Is.EqualTo(new[] { "team" }));
    }

    [TestCase("team", ExpectedResult = true)]
    [TestCase("orders-pipeline:team", ExpectedResult = true)]
    [TestCase("orders-pipeline:batchSize", ExpectedResult = true)]
    [TestCase("emulatorEndpoint", ExpectedResult = true)]
    [TestCase("Team", ExpectedResult = false)]
    [TestCase("aws:region", ExpectedResult = false)]
    [TestCase("other:team", ExpectedResult = false)]
    [TestCase("bucketName", ExpectedResult = false)]
    public bool IsKnown_accepts_short_and_namespaced_names_only(string key) => ConfigSchema.IsKnown(key);

    [TestCase("batchSize", "1")]
    [TestCase("batchSize", "10000")]
    [TestCase("maxBatchingWindowSeconds", "0")]
    [TestCase("maxBatchingWindowSeconds", "300")]
    [TestCase("maxRetryAttempts", "-1")]
    [TestCase("maxRetryAttempts", "10000")]
    [TestCase("maxRecordAgeSeconds", "-1")]
    [TestCase("maxRecordAgeSeconds", "60")]
    [TestCase("maxRecordAgeSeconds", "604800")]
    [TestCase("parallelizationFactor", "1")]
    [TestCase("parallelizationFactor", "10")]
    [TestCase("processorMemoryMb", "128")]
    [TestCase("processorMemoryMb", "10240")]
    [TestCase("processorTimeoutSeconds", "15")]
    [TestCase("processorTimeoutSeconds", "900")]
    [TestCase("auditTimeoutSeconds", "900")]
    [TestCase("logRetentionDays", "0")]
    [TestCase("logRetentionDays", "3653")]
    [TestCase("architecture", "x86_64")]
    [TestCase("functionPackage", "readyToRun")]
    [TestCase("functionPackage", "nativeAot")]
    [TestCase("errorAlarmThreshold", "1")]
    [TestCase("iteratorAgeAlarmMs", "60000")]
    [TestCase("alertEmail", "ops@example.com")]
    [TestCase("protect", "true")]
    [TestCase("forceDestroy", "False")]
    [TestCase("noncurrentVersionExpirationDays", "1")]
    [TestCase("environment", "dev")]
    [TestCase("environment", "prod-eu-2")]
    [TestCase("team", "backend")]
    [TestCase("emulatorEndpoint", "http://127.0.0.1:5000")]
    [TestCase("orders-pipeline:batchSize", "250")]
    public void ValidateValue_accepts_values_inside_the_range(string key, string value)
    {
        Assert.That(ConfigSchema.ValidateValue(key, value), Is.Null);
    }

    [TestCase("batchSize", "0", "an integer from 1 to 10000")]
    [TestCase("batchSize", "10001", "an integer from 1 to 10000")]
    [TestCase("batchSize", "ten", "an integer from 1 to 10000")]
    [TestCase("batchSize", "1.5", "an integer from 1 to 10000")]
    [TestCase("maxBatchingWindowSeconds", "301", "an integer from 0 to 300")]
    [TestCase("maxBatchingWindowSeconds", "-1", "an integer from 0 to 300")]
    [TestCase("maxRetryAttempts", "-2", "an integer from -1 to 10000")]
    [TestCase("maxRetryAttempts", "10001", "an integer from -1 to 10000")]
    [TestCase("maxRecordAgeSeconds", "59", "-1 or an integer from 60 to 604800")]
    [TestCase("maxRecordAgeSeconds", "0", "-1 or an integer from 60 to 604800")]
    [TestCase("maxRecordAgeSeconds", "604801", "-1 or an integer from 60 to 604800")]
    [TestCase("parallelizationFactor", "0", "an integer from 1 to 10")]
    [TestCase("parallelizationFactor", "11", "an integer from 1 to 10")]
    [TestCase("processorMemoryMb", "127", "an integer from 128 to 10240")]
    [TestCase("processorMemoryMb", "10241", "an integer from 128 to 10240")]
    [TestCase("processorTimeoutSeconds", "14", "an integer from 15 to 900")]
    [TestCase("processorTimeoutSeconds", "901", "an integer from 15 to 900")]
    [TestCase("auditTimeoutSeconds", "14", "an integer from 15 to 900")]
    [TestCase("auditTimeoutSeconds", "901", "an integer from 15 to 900")]
    [TestCase("logRetentionDays", "2", "one of 0, 1, 3, 5, 7, 14, 30")]
    [TestCase("logRetentionDays", "366", "3288, 3653")]
    [TestCase("architecture", "amd64", "one of arm64, x86_64")]
    [TestCase("architecture", "ARM64", "one of arm64, x86_64")]
    [TestCase("functionPackage", "NativeAot", "one of readyToRun, nativeAot")]
    [TestCase("functionPackage", "aot", "one of readyToRun, nativeAot")]
    [TestCase("errorAlarmThreshold", "0", "an integer from 1 to 1000000")]
    [TestCase("iteratorAgeAlarmMs", "999", "an integer from 1000 to 604800000")]
    [TestCase("alertEmail", "not-an-email", "an email address")]
    [TestCase("protect", "yes", "true or false")]
    [TestCase("forceDestroy", "1", "true or false")]
    [TestCase("noncurrentVersionExpirationDays", "0", "an integer from 1 to 3650")]
    [TestCase("environment", "Dev", "lowercase letters, digits or hyphens")]
    [TestCase("environment", "dev_1", "lowercase letters, digits or hyphens")]
    [TestCase("environment", "-dev", "starting and ending with a letter or digit")]
    [TestCase("environment", "an-environment-name-of-33-letters", "1 to 32")]
    [TestCase("team", "back end", "lowercase letters, digits or hyphens")]
    [TestCase("emulatorEndpoint", "127.0.0.1:5000", "an absolute http:// or https:// URL")]
    [TestCase("emulatorEndpoint", "ftp://127.0.0.1", "an absolute http:// or https:// URL")]
    public void ValidateValue_names_key_value_and_allowed_range(string key, string value, string allowed)
    {
        var message = ConfigSchema.ValidateValue(key, value);

        Assert.That(message, Is.Not.Null);
        Assert.That(message, Does.Contain($"'orders-pipeline:{key}'"));
        Assert.That(message, Does.Contain($"'{value}'"));
        Assert.That(message, Does.Contain(allowed));
    }

    [Test]
    public void ValidateValue_of_a_namespaced_key_names_the_key_once()
    {
        var message = ConfigSchema.ValidateValue("orders-pipeline:batchSize", "0");

        Assert.That(message, Does.Contain("'orders-pipeline:batchSize'"));
        Assert.That(message, Does.Not.Contain("orders-pipeline:orders-pipeline"));
    }

    [Test]
    public void ValidateValue_of_an_unknown_key_says_so_and_lists_the_known_ones()
    {
        var message = ConfigSchema.ValidateValue("batchsize", "10");

        Assert.That(message, Does.Contain("'orders-pipeline:batchsize' is not a known key"));
        Assert.That(message, Does.Contain("batchSize"));
    }
}
