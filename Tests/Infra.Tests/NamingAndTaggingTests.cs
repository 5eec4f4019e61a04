using System.Reflection;
using NUnit.Framework;
using OrdersPipeline.Infra.Components;
using Pulumi;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class NamingAndTaggingTests
{
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().RunAsync();

    [Test]
    public void Every_named_resource_follows_environment_resource_team()
    {
        var named = _run.Aws
            .Select(resource => resource.Type == ResourceTypes.Bucket ? resource.String("bucket")
                : resource.Type == ResourceTypes.Dashboard ? resource.String("dashboardName")
                : resource.Has("name") ? resource.String("name") : null)
            .OfType<string>()
            .ToArray();

        Assert.That(named, Is.EquivalentTo(new[]
        {
            "dev-orders-table-backend",
            "dev-processed-data-123456789012-backend",
            "dev-order-processor-lambda-backend",
            "dev-order-processor-role-backend",
            "dev-order-processor-policy-backend",
            "/aws/lambda/dev-order-processor-lambda-backend",
            "dev-orders-dlq-backend",
            "dev-audit-redrive-queue-backend",
            "dev-audit-table-backend",
            "dev-audit-lambda-backend",
            "dev-audit-role-backend",
            "dev-audit-policy-backend",
            "/aws/lambda/dev-audit-lambda-backend",
            "dev-pipeline-alerts-topic-backend",
            "dev-processor-errors-alarm-backend",
            "dev-processor-iterator-age-alarm-backend",
            "dev-dlq-depth-alarm-backend",
            "dev-audit-errors-alarm-backend",
            "dev-redrive-depth-alarm-backend",
            "dev-processing-lag-alarm-backend",
            "dev-orders-pipeline-backend",
            "dev-access-logs-123456789012-backend",
        }));
    }

    [Test]
    public void Tags_are_applied_once_through_the_provider_default_tags()
    {
        var tags = _run.Single(ResourceTypes.Provider).Json("defaultTags").GetProperty("tags");

        Assert.That(tags.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()), Is.EquivalentTo(
            new Dictionary<string, string?>
            {
                ["Environment"] = "dev",
                ["Team"] = "backend",
                ["Project"] = "orders-pipeline",
                ["ManagedBy"] = "pulumi",
            }));
    }

    [Test]
    public void Every_aws_resource_uses_the_explicit_provider_so_it_carries_the_tags()
    {
        var resources = _run.Aws.ToArray();

        Assert.That(resources, Is.Not.Empty);
        Assert.That(resources.Select(resource => resource.Provider),
            Has.All.Contain("pulumi:providers:aws::aws-pipeline::"));
    }

    [Test]
    public void No_resource_sets_its_own_tags()
    {
        Assert.That(_run.Aws.Where(resource => resource.Has("tags")).Select(resource => resource.Name), Is.Empty);
    }

    [Test]
    public void The_provider_targets_the_configured_region()
    {
        Assert.That(_run.Single(ResourceTypes.Provider).String("region"), Is.EqualTo("us-east-1"));
    }

    [Test]
    public void The_caller_identity_is_read_through_the_explicit_provider()
    {
        var call = _run.Mocks.Calls.Single(c => c.Token == PipelineMocks.CallerIdentityToken);

        Assert.That(call.Provider, Does.Contain("pulumi:providers:aws::aws-pipeline::"));
    }

    [Test]
    public void Components_use_their_type_tokens()
    {
        Assert.That(_run.Mocks.Registered.Select(resource => resource.Type).Where(type => type.StartsWith("orders-pipeline:", StringComparison.Ordinal)),
            Is.EquivalentTo(new[]
            {
                "orders-pipeline:ingest:IngestTable",
                "orders-pipeline:storage:ProcessedStorage",
                "orders-pipeline:processing:StreamProcessor",
                "orders-pipeline:audit:FailureAudit",
                "orders-pipeline:monitoring:Monitoring",
                "orders-pipeline:monitoring:Dashboard",
                "orders-pipeline:protection:AccessLogs",
            }));
    }

    [Test]
    public void Every_aws_resource_is_a_child_of_a_pipeline_component()
    {
        var children = _run.Resources.OfType<PipelineComponent>().SelectMany(ChildrenOf).ToHashSet();
        var awsResources = _run.Resources.OfType<CustomResource>().Where(resource => resource is not ProviderResource).ToArray();

        Assert.That(awsResources, Has.Length.EqualTo(_run.Aws.Count()));
        Assert.That(awsResources.Where(resource => !children.Contains(resource)).Select(r => r.GetResourceName()), Is.Empty);
    }

    // The mock monitor's URNs keep only the root of the parent chain, so parentage is read from the SDK's own
    // child list (internal, hence reflection).
    private static IEnumerable<Resource> ChildrenOf(Resource parent)
    {
        var property = typeof(Resource).GetProperty("ChildResources", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("Pulumi.Resource.ChildResources not found.");
        return ((IEnumerable<Resource>)property.GetValue(parent)!).ToArray();
    }
}
