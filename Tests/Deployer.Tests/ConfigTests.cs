using System.Collections.Immutable;
using OrdersPipeline.Deployer.Commands;
using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary><c>--config</c> pairs and the stored config are checked against Infra's schema before anything runs.
/// </summary>
public sealed class ConfigTests
{
    [Test]
    public void Short_and_namespaced_keys_become_namespaced_values()
    {
        var config = StackConfigCheck.Parse(["team=data", "orders-pipeline:batchSize=200"]);

        Assert.That(config.Keys, Is.EquivalentTo(new[] { "orders-pipeline:team", "orders-pipeline:batchSize" }));
        Assert.That(config["orders-pipeline:batchSize"].Value, Is.EqualTo("200"));
        Assert.That(config.Values.Any(value => value.IsSecret), Is.False);
    }

    [Test]
    public void A_value_may_contain_equals_signs_and_the_last_repeat_wins()
    {
        var config = StackConfigCheck.Parse(["emulatorEndpoint=http://localhost:5000/?a=b", "team=a", "team=b"]);

        Assert.That(config["orders-pipeline:emulatorEndpoint"].Value, Is.EqualTo("http://localhost:5000/?a=b"));
        Assert.That(config["orders-pipeline:team"].Value, Is.EqualTo("b"));
    }

    [TestCase("team")]
    [TestCase("=backend")]
    [TestCase("")]
    public void A_pair_without_key_equals_value_is_a_config_error(string pair)
    {
        var failure = Assert.Throws<DeployerException>(() => StackConfigCheck.Parse([pair]));

        Assert.That(failure!.ExitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(failure.Message, Does.Contain("key=value"));
    }

    [TestCase("colour=blue", "colour")]
    [TestCase("aws:region=us-west-2", "aws:region")]
    public void An_unknown_key_is_a_config_error_naming_it(string pair, string key)
    {
        var failure = Assert.Throws<DeployerException>(() => StackConfigCheck.Parse([pair]));

        Assert.That(failure!.ExitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(failure.Message, Does.Contain($"'{key}'"));
    }

    [TestCase("batchSize=0")]
    [TestCase("batchSize=lots")]
    [TestCase("protect=maybe")]
    public void An_invalid_value_is_a_config_error_with_the_schema_message(string pair)
    {
        var failure = Assert.Throws<DeployerException>(() => StackConfigCheck.Parse([pair]));

        Assert.That(failure!.ExitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(failure.Message, Does.Contain(pair.Split('=')[1]));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var failure =
            Assert.Throws<DeployerException>(() => StackConfigCheck.Parse(["nope", "colour=1", "batchSize=0"]));

        Assert.That(failure!.Message, Does.StartWith("3 --config problems"));
    }

    [Test]
    public void An_invalid_secret_value_is_not_echoed()
    {
        var stored = Stored(
            ("orders-pipeline:alertEmail", new StackConfigValue("not-an-email-s3cr3t", IsSecret: true)));

        var failure = Assert.Throws<DeployerException>(() => StackConfigCheck.ValidateStored("dev", stored, []));

        Assert.That(failure!.Message, Does.Not.Contain("s3cr3t").And.Contain("[secret]"));
    }

    [Test]
    public void Unknown_keys_of_the_namespace_are_warnings_and_other_namespaces_are_ignored()
    {
        var stored = Stored(
            ("orders-pipeline:colour", new StackConfigValue("blue", IsSecret: false)),
            ("aws:region", new StackConfigValue("us-east-1", IsSecret: false)));

        var warnings = StackConfigCheck.ValidateStored("dev", stored, []);

        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0], Does.Contain("orders-pipeline:colour"));
    }

    [Test]
    public async Task A_bad_config_pair_exits_2_before_any_workspace_is_opened()
    {
        using var harness = new DeployerHarness();

        var exitCode = await harness.RunAsync("up", "--config", "batchSize=0");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(harness.StdErr, Does.Contain("batchSize"));
        Assert.That(harness.Opened, Is.Empty);
    }

    [Test]
    public async Task An_invalid_stored_value_exits_2_before_the_program_runs()
    {
        using var harness = new DeployerHarness();
        harness.Workspace.StoredConfig["orders-pipeline:batchSize"] = new("99999", IsSecret: false);

        var exitCode = await harness.RunAsync("preview");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(harness.StdErr, Does.Contain("Pulumi.dev.yaml").And.Contain("99999"));
        Assert.That(harness.Workspace.Calls, Is.EqualTo(new[] { "config dev create" }));
    }

    [Test]
    public async Task A_stored_value_being_overridden_is_not_checked()
    {
        using var harness = new DeployerHarness();
        harness.Workspace.StoredConfig["orders-pipeline:batchSize"] = new("99999", IsSecret: false);

        Assert.That(await harness.RunAsync("up", "--config", "batchSize=10"), Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public async Task An_unknown_stored_key_is_a_warning_on_stderr()
    {
        using var harness = new DeployerHarness();
        harness.Workspace.StoredConfig["orders-pipeline:colour"] = new("blue", IsSecret: false);

        Assert.That(await harness.RunAsync("preview"), Is.EqualTo(ExitCodes.Success));
        Assert.That(harness.StdErr, Does.Contain("warning: Stack 'dev' sets 'orders-pipeline:colour'"));
    }

    private static IReadOnlyDictionary<string, StackConfigValue> Stored(
        params (string Key, StackConfigValue Value)[] values) =>
        values.ToImmutableDictionary(value => value.Key, value => value.Value);
}
