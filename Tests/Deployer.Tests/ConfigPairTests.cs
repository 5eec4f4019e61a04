using Moq;
using OrdersPipeline.Deployer.Configuration;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

public sealed class ConfigPairTests
{
    [Test]
    public void Short_and_namespaced_keys_become_namespaced_settings()
    {
        var settings = ConfigPairParser.Parse(["team=data", "orders-pipeline:batchSize=200"]);

        Assert.That(settings, Is.EquivalentTo(new[]
        {
            new ConfigSetting("orders-pipeline:team", "data"),
            new ConfigSetting("orders-pipeline:batchSize", "200"),
        }));
    }

    [Test]
    public void A_value_may_contain_equals_signs_and_the_last_repeat_wins()
    {
        var settings = ConfigPairParser.Parse(["emulatorEndpoint=http://localhost:5000/?a=b", "team=a", "team=b"]);

        Assert.That(settings, Does.Contain(new ConfigSetting("orders-pipeline:emulatorEndpoint", "http://localhost:5000/?a=b")));
        Assert.That(settings.Single(setting => setting.Key == "orders-pipeline:team").Value, Is.EqualTo("b"));
    }

    [TestCase("team")]
    [TestCase("=backend")]
    [TestCase("")]
    public void A_pair_without_key_equals_value_is_rejected(string pair)
    {
        var failure = Assert.Throws<DeployerException>(() => ConfigPairParser.Parse([pair]));

        Assert.That(failure!.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(failure.Message, Does.Contain("key=value"));
    }

    [TestCase("colour=blue", "colour")]
    [TestCase("aws:region=us-west-2", "aws:region")]
    public void An_unknown_key_is_rejected_naming_the_known_ones(string pair, string key)
    {
        var failure = Assert.Throws<DeployerException>(() => ConfigPairParser.Parse([pair]));

        Assert.That(failure!.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(failure.Message, Does.Contain($"'{key}'").And.Contain("batchSize"));
    }

    [TestCase("batchSize=0")]
    [TestCase("batchSize=lots")]
    [TestCase("protect=maybe")]
    public void An_invalid_value_is_rejected_with_the_schema_message(string pair)
    {
        var failure = Assert.Throws<DeployerException>(() => ConfigPairParser.Parse([pair]));

        Assert.That(failure!.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(failure.Message, Does.Contain(pair.Split('=')[1]));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var failure = Assert.Throws<DeployerException>(() => ConfigPairParser.Parse(["nope", "colour=1", "batchSize=0"]));

        Assert.That(failure!.Message, Does.StartWith("3 --config problems"));
    }

    [Test]
    public async Task A_bad_config_pair_exits_2_before_any_workspace()
    {
        using var harness = new DeployerHarness();

        var exitCode = await harness.RunAsync("up", "--config", "batchSize=0");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(harness.Console.StdErr, Does.Contain("batchSize"));
        harness.Factory.Verify(factory => factory.Create(It.IsAny<WorkspaceSettings>()), Times.Never);
    }

    [Test]
    public async Task An_invalid_stored_value_exits_2_before_the_program_runs()
    {
        using var harness = new DeployerHarness();
        harness.StoredConfig["orders-pipeline:batchSize"] = new StackConfigValue("99999", false);

        var exitCode = await harness.RunAsync("preview");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(harness.Console.StdErr, Does.Contain("Pulumi.dev.yaml").And.Contain("99999"));
        harness.Operations.Verify(operations => operations.PreviewAsync(
            It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_stored_value_being_overridden_is_not_checked()
    {
        using var harness = new DeployerHarness();
        harness.StoredConfig["orders-pipeline:batchSize"] = new StackConfigValue("99999", false);

        var exitCode = await harness.RunAsync("preview", "--config", "batchSize=10");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), harness.Console.StdErr);
    }

    [Test]
    public void An_invalid_secret_value_is_not_echoed()
    {
        var stored = new Dictionary<string, StackConfigValue>
        {
            ["orders-pipeline:alertEmail"] = new("not-an-email-s3cr3t", true),
        };

        var failure = Assert.Throws<DeployerException>(() => StoredConfigValidator.Validate("dev", stored, []));

        Assert.That(failure!.Message, Does.Not.Contain("s3cr3t").And.Contain("[secret]"));
    }

    [Test]
    public void Unknown_keys_of_the_namespace_are_warnings_and_other_namespaces_are_ignored()
    {
        var stored = new Dictionary<string, StackConfigValue>
        {
            ["orders-pipeline:colour"] = new("blue", false),
            ["aws:region"] = new("us-east-1", false),
        };

        var warnings = StoredConfigValidator.Validate("dev", stored, []);

        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0], Does.Contain("orders-pipeline:colour"));
    }
}
