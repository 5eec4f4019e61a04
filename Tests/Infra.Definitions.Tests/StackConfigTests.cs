using Moq;
using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class StackConfigTests
{
    [Test]
    public void Unset_keys_take_the_documented_defaults()
    {
        var settings = new ConfigFixture().Parse();

        Assert.Multiple(() =>
        {
            Assert.That(settings.Get(ConfigSchema.BatchSize), Is.EqualTo(100));
            Assert.That(settings.Get(ConfigSchema.ErrorAlarmThreshold), Is.EqualTo(5));
            Assert.That(settings.Get(ConfigSchema.Architecture), Is.EqualTo(LambdaArchitecture.Arm64));
            Assert.That(settings.Get(ConfigSchema.FunctionPackage), Is.EqualTo(FunctionPackageKind.ReadyToRun));
            Assert.That(settings.Get(ConfigSchema.Protect), Is.False);
            Assert.That(settings.Get(ConfigSchema.ForceDestroy), Is.True);
            Assert.That(settings.Get(ConfigSchema.AlertEmail), Is.Null);
            Assert.That(settings.Emulator, Is.Null);
            Assert.That(settings.Get(ConfigSchema.FunctionsPackageDirectory), Is.Null);
            Assert.That(settings.Get(ConfigSchema.MaxBatchingWindowSeconds), Is.EqualTo(0));
            Assert.That(settings.Get(ConfigSchema.MaxRetryAttempts), Is.EqualTo(3));
            Assert.That(settings.Get(ConfigSchema.MaxRecordAgeSeconds), Is.EqualTo(3600));
            Assert.That(settings.Get(ConfigSchema.ParallelizationFactor), Is.EqualTo(1));
            Assert.That(settings.Get(ConfigSchema.ProcessorMemoryMb), Is.EqualTo(512));
            Assert.That(settings.Get(ConfigSchema.ProcessorTimeoutSeconds), Is.EqualTo(60));
            Assert.That(settings.Get(ConfigSchema.ProcessorMaxConcurrency), Is.EqualTo(16));
            Assert.That(settings.Get(ConfigSchema.AuditTimeoutSeconds), Is.EqualTo(30));
            Assert.That(settings.Get(ConfigSchema.LogRetentionDays), Is.EqualTo(14));
            Assert.That(settings.Get(ConfigSchema.IteratorAgeAlarmMs), Is.EqualTo(60000));
            Assert.That(settings.Get(ConfigSchema.NoncurrentVersionExpirationDays), Is.EqualTo(30));
        });
    }

    [Test]
    public void Every_configured_value_is_read()
    {
        var settings = new ConfigFixture()
            .With("environment", "prod")
            .With("team", "payments")
            .With("batchSize", "250")
            .With("maxBatchingWindowSeconds", "5")
            .With("maxRetryAttempts", "-1")
            .With("maxRecordAgeSeconds", "-1")
            .With("parallelizationFactor", "4")
            .With("processorMemoryMb", "1024")
            .With("processorTimeoutSeconds", "120")
            .With("processorMaxConcurrency", "32")
            .With("auditTimeoutSeconds", "45")
            .With("logRetentionDays", "30")
            .With("architecture", "x86_64")
            .With("functionPackage", "nativeAot")
            .With("errorAlarmThreshold", "3")
            .With("iteratorAgeAlarmMs", "120000")
            .With("alertEmail", "ops@example.com")
            .With("protect", "true")
            .With("forceDestroy", "false")
            .With("noncurrentVersionExpirationDays", "7")
            .With("functionsPackageDirectory", "/tmp/pkg")
            .Parse();

        Assert.Multiple(() =>
        {
            Assert.That(settings.Get(ConfigSchema.Environment), Is.EqualTo("prod"));
            Assert.That(settings.Get(ConfigSchema.Team), Is.EqualTo("payments"));
            Assert.That(settings.Get(ConfigSchema.BatchSize), Is.EqualTo(250));
            Assert.That(settings.Get(ConfigSchema.MaxBatchingWindowSeconds), Is.EqualTo(5));
            Assert.That(settings.Get(ConfigSchema.MaxRetryAttempts), Is.EqualTo(-1));
            Assert.That(settings.Get(ConfigSchema.MaxRecordAgeSeconds), Is.EqualTo(-1));
            Assert.That(settings.Get(ConfigSchema.ParallelizationFactor), Is.EqualTo(4));
            Assert.That(settings.Get(ConfigSchema.ProcessorMemoryMb), Is.EqualTo(1024));
            Assert.That(settings.Get(ConfigSchema.ProcessorTimeoutSeconds), Is.EqualTo(120));
            Assert.That(settings.Get(ConfigSchema.ProcessorMaxConcurrency), Is.EqualTo(32));
            Assert.That(settings.Get(ConfigSchema.AuditTimeoutSeconds), Is.EqualTo(45));
            Assert.That(settings.Get(ConfigSchema.LogRetentionDays), Is.EqualTo(30));
            Assert.That(settings.Get(ConfigSchema.Architecture), Is.EqualTo(LambdaArchitecture.X86_64));
            Assert.That(settings.Get(ConfigSchema.FunctionPackage), Is.EqualTo(FunctionPackageKind.NativeAot));
            Assert.That(settings.Get(ConfigSchema.ErrorAlarmThreshold), Is.EqualTo(3));
            Assert.That(settings.Get(ConfigSchema.IteratorAgeAlarmMs), Is.EqualTo(120000));
            Assert.That(settings.Get(ConfigSchema.AlertEmail), Is.EqualTo("ops@example.com"));
            Assert.That(settings.Get(ConfigSchema.Protect), Is.True);
            Assert.That(settings.Get(ConfigSchema.ForceDestroy), Is.False);
            Assert.That(settings.Get(ConfigSchema.NoncurrentVersionExpirationDays), Is.EqualTo(7));
            Assert.That(settings.Get(ConfigSchema.FunctionsPackageDirectory), Is.EqualTo("/tmp/pkg"));
        });
    }

    [Test]
    public void Environment_defaults_to_the_stack_name()
    {
        Assert.That(new ConfigFixture().Parse(stackName: "staging").Get(ConfigSchema.Environment), Is.EqualTo("staging"));
    }

    [Test]
    public void A_stack_name_that_cannot_be_an_environment_is_rejected_with_a_hint()
    {
        var error = new ConfigFixture().ParseFails(stackName: "Dev_Stack");

        Assert.That(error.Message, Does.Contain("'orders-pipeline:environment'"));
        Assert.That(error.Message, Does.Contain("'Dev_Stack'"));
        Assert.That(error.Message, Does.Contain("the stack name"));
    }

    [Test]
    public void Team_is_required()
    {
        var error = new ConfigFixture().Without("team").ParseFails();

        Assert.That(error.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Message, Does.Contain("'orders-pipeline:team' is required"));
        Assert.That(error.Message, Does.Contain("pulumi config set orders-pipeline:team"));
    }

    [Test]
    public void An_empty_value_counts_as_unset()
    {
        Assert.That(new ConfigFixture().With("batchSize", " ").Parse().Get(ConfigSchema.BatchSize), Is.EqualTo(100));
    }

    [Test]
    public void Surrounding_whitespace_is_ignored()
    {
        Assert.That(new ConfigFixture().With("batchSize", " 42 ").Parse().Get(ConfigSchema.BatchSize), Is.EqualTo(42));
    }

    [Test]
    public void An_invalid_value_names_key_value_and_range()
    {
        var error = new ConfigFixture().With("batchSize", "0").ParseFails();

        Assert.That(error.Message, Is.EqualTo(
            "Config 'orders-pipeline:batchSize' has invalid value '0': must be an integer from 1 to 10000."));
    }

    [TestCase("readyToRun", FunctionPackageKind.ReadyToRun)]
    [TestCase("nativeAot", FunctionPackageKind.NativeAot)]
    public void The_function_package_is_read_by_its_name(string name, FunctionPackageKind expected)
    {
        Assert.That(new ConfigFixture().With("functionPackage", name).Parse().Get(ConfigSchema.FunctionPackage),
            Is.EqualTo(expected));
    }

    [Test]
    public void An_unknown_function_package_is_refused_with_the_allowed_names()
    {
        var error = new ConfigFixture().With("functionPackage", "native").ParseFails();

        Assert.That(error.Message, Is.EqualTo(
            "Config 'orders-pipeline:functionPackage' has invalid value 'native': must be one of readyToRun, nativeAot."));
    }

    [Test]
    public void Every_invalid_value_is_reported_at_once()
    {
        var error = new ConfigFixture()
            .With("batchSize", "0")
            .With("parallelizationFactor", "11")
            .With("architecture", "sparc")
            .ParseFails();

        Assert.That(error.Problems, Has.Count.EqualTo(3));
        Assert.That(error.Message, Does.StartWith("3 configuration problems:"));
        Assert.That(error.Message, Does.Contain("batchSize").And.Contain("parallelizationFactor").And.Contain("architecture"));
    }

    [Test]
    public void Names_too_long_for_a_service_are_a_config_error_naming_environment_and_team()
    {
        // Each segment is valid alone; together the bucket name passes 63 characters.
        var error = new ConfigFixture()
            .With("environment", "production-east")
            .With("team", "data-engineering-platform")
            .With("fileIngest", "false")
            .ParseFails();

        Assert.That(error.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Message, Does.Contain("S3 bucket names must be 3-63 characters"));
        Assert.That(error.Message, Does.Contain("'orders-pipeline:environment' ('production-east')"));
        Assert.That(error.Message, Does.Contain("'orders-pipeline:team' ('data-engineering-platform')"));
    }

    [Test]
    public void Name_limits_are_not_checked_when_a_segment_is_already_invalid()
    {
        var error = new ConfigFixture().With("environment", "UPPER").ParseFails();

        Assert.That(error.Problems, Has.Count.EqualTo(1));
    }

    [Test]
    public void Emulator_settings_exist_only_when_an_endpoint_is_configured()
    {
        var settings = new ConfigFixture().With("emulatorEndpoint", "http://127.0.0.1:5000").Parse();

        Assert.That(settings.Emulator, Is.Not.Null);
        Assert.That(settings.Emulator!.Url, Is.EqualTo("http://127.0.0.1:5000"));
        Assert.That(settings.Emulator.AccessKey, Is.EqualTo("test"));
        Assert.That(settings.Emulator.SecretKey, Is.EqualTo("test"));
    }

    [Test]
    public void Emulator_credentials_can_be_overridden()
    {
        var settings = new ConfigFixture()
            .With("emulatorEndpoint", "http://localhost:4566/")
            .With("emulatorAccessKey", "local")
            .With("emulatorSecretKey", "secret")
            .Parse();

        Assert.That(settings.Emulator, Is.EqualTo(
            new EmulatorSettings(new Uri("http://localhost:4566/"), "local", "secret")));
        Assert.That(settings.Emulator!.Url, Is.EqualTo("http://localhost:4566"));
    }

    [Test]
    public void An_invalid_emulator_endpoint_is_reported_not_thrown_as_a_uri_error()
    {
        var error = new ConfigFixture().With("emulatorEndpoint", "localhost").ParseFails();

        Assert.That(error.Message, Does.Contain("'orders-pipeline:emulatorEndpoint'"));
    }

    [Test]
    public void Dead_letter_visibility_timeout_is_six_times_the_audit_timeout()
    {
        var settings = new ConfigFixture().With("auditTimeoutSeconds", "40").Parse();

        Assert.That(QueueRules.VisibilityTimeoutFor(settings.Get(ConfigSchema.AuditTimeoutSeconds)), Is.EqualTo(240));
    }

    [Test]
    public void Tags_carry_environment_team_project_and_manager()
    {
        var tags = new ConfigFixture().With("environment", "qa").Parse().Tags;

        Assert.That(tags, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["Environment"] = "qa",
            ["Team"] = "backend",
            ["Project"] = "orders-pipeline",
            ["ManagedBy"] = "pulumi",
        }));
    }

    [Test]
    public void Parse_reads_only_schema_keys_and_each_of_them()
    {
        var readKey = new Mock<Func<string, string?>>();
        readKey.Setup(read => read(ConfigSchema.Team.Name)).Returns("backend");

        StackConfig.Load(readKey.Object, "dev");

        foreach (var key in ConfigSchema.Keys)
        {
            readKey.Verify(read => read(key.Name), Times.Once, key.Name);
        }

        readKey.Verify(read => read(It.Is<string>(name => !ConfigSchema.IsKnown(name))), Times.Never);
    }
}
