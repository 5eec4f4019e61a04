using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

/// <summary>The protection resources follow the stack's rules: the explicit provider (so the default tags), no tags
/// of their own, and names built from environment and team.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ProtectionNamingTests
{
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults()
        .With("encryption", "customer-key")
        .With("auditTrail", "true")
        .With("processedObjectLockDays", "30")
        .With("forceDestroy", "false")
        .RunAsync();

    [Test]
    public void Every_aws_resource_uses_the_explicit_provider_and_sets_no_tags_of_its_own()
    {
        Assert.That(_run.Aws.Select(resource => resource.Provider), Has.All.Contain("pulumi:providers:aws::aws-pipeline::"));
        Assert.That(_run.Aws.Where(resource => resource.Has("tags")).Select(resource => resource.Name), Is.Empty);
    }

    [Test]
    public void The_protection_components_use_their_type_tokens()
    {
        Assert.That(_run.Mocks.Registered.Select(resource => resource.Type)
                .Where(type => type.StartsWith("orders-pipeline:protection:", StringComparison.Ordinal)),
            Is.EquivalentTo(new[]
            {
                "orders-pipeline:protection:EncryptionKey",
                "orders-pipeline:protection:AccessLogs",
                "orders-pipeline:protection:AuditTrail",
            }));
    }

    [Test]
    public void Every_new_named_resource_follows_environment_resource_team()
    {
        string[] types =
        [
            ResourceTypes.Alias, ResourceTypes.Trail, ResourceTypes.LogMetricFilter, ResourceTypes.Bucket,
            ResourceTypes.Role, ResourceTypes.RolePolicy, ResourceTypes.MetricAlarm,
        ];
        var names = _run.Aws.Where(resource => types.Contains(resource.Type))
            .Select(resource => resource.Type == ResourceTypes.Bucket ? resource.String("bucket") : resource.String("name"))
            .Select(name => name.StartsWith("alias/", StringComparison.Ordinal) ? name["alias/".Length..] : name);

        Assert.That(names, Has.All.StartWith("dev-").And.All.EndWith("-backend"));
    }
}
