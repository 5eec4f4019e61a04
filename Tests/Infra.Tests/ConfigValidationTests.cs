using NUnit.Framework;
using Pulumi;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class ConfigValidationTests
{
    [Test]
    public void Invalid_config_fails_before_any_resource_is_registered()
    {
        var run = StackRun.WithDefaults().With("batchSize", "0");

        var error = Assert.ThrowsAsync<RunException>(() => run.RunAsync());

        Assert.That(error?.Message, Does.Contain("'orders-pipeline:batchSize'").And.Contain("'0'").And.Contain("1 to 10000"));
        Assert.That(run.Mocks.Registered, Is.Empty);
        Assert.That(run.Mocks.Calls, Is.Empty);
    }

    [Test]
    public void Every_invalid_key_is_reported_in_one_run()
    {
        var run = StackRun.WithDefaults().With("parallelizationFactor", "11").With("logRetentionDays", "2");

        var error = Assert.ThrowsAsync<RunException>(() => run.RunAsync());

        Assert.That(error?.Message, Does.Contain("parallelizationFactor").And.Contain("logRetentionDays"));
        Assert.That(run.Mocks.Registered, Is.Empty);
    }

    [Test]
    public void A_missing_team_fails_before_any_resource_is_registered()
    {
        var run = StackRun.WithDefaults().Without("team");

        var error = Assert.ThrowsAsync<RunException>(() => run.RunAsync());

        Assert.That(error?.Message, Does.Contain("'orders-pipeline:team' is required"));
        Assert.That(run.Mocks.Registered, Is.Empty);
    }

    [Test]
    public void Names_over_a_service_limit_fail_before_any_resource_is_registered()
    {
        var run = StackRun.WithDefaults()
            .With("environment", "production-east")
            .With("team", "data-engineering-platform");

        var error = Assert.ThrowsAsync<RunException>(() => run.RunAsync());

        Assert.That(error?.Message, Does.Contain("S3 bucket").And.Contain("orders-pipeline:environment")
            .And.Contain("orders-pipeline:team"));
        Assert.That(run.Mocks.Registered, Is.Empty);
    }

    [Test]
    public void A_missing_functions_package_names_the_command_that_builds_it()
    {
        var empty = Path.Combine(Path.GetTempPath(), "orders-pipeline-infra-tests", "empty-package");
        Directory.CreateDirectory(empty);
        var run = StackRun.WithDefaults().With("functionsPackageDirectory", empty);

        var error = Assert.ThrowsAsync<RunException>(() => run.RunAsync());

        Assert.That(error?.Message, Does.Contain(Definitions.FunctionsPackage.BuildCommand(
            Definitions.LambdaArchitecture.Arm64, Definitions.FunctionPackageKind.ReadyToRun)));
        Assert.That(run.Mocks.Registered, Is.Empty);
    }

    [Test]
    public async Task Environment_defaults_to_the_stack_name()
    {
        var run = await StackRun.WithDefaults().Without("environment").RunAsync();

        Assert.That(run.OfType(ResourceTypes.Table).Select(table => table.String("name")),
            Has.All.StartWith(StackRun.StackName + "-"));
    }

    [Test]
    public async Task A_configured_environment_replaces_the_stack_name_in_every_name()
    {
        var run = await StackRun.WithDefaults().With("environment", "qa").RunAsync();

        Assert.That(run.OfType(ResourceTypes.Function).Select(function => function.String("name")),
            Is.EquivalentTo(new[] { "qa-order-processor-lambda-backend", "qa-audit-lambda-backend" }));
    }
}
