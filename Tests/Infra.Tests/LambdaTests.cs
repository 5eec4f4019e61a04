using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class LambdaTests
{
    private const string ProcessorName = "dev-order-processor-lambda-backend";
    private const string AuditName = "dev-audit-lambda-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults()
        .With("processorMemoryMb", "1024")
        .With("processorTimeoutSeconds", "120")
        .With("architecture", "x86_64")
        .With("logRetentionDays", "30")
        .RunAsync();

    private RegisteredResource Processor => _run.Single(ResourceTypes.Function, ProcessorName);

    private RegisteredResource Audit => _run.Single(ResourceTypes.Function, AuditName);

    [Test]
    public void Processor_runs_the_processor_handler_on_dotnet10_with_configured_size()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Processor.String("runtime"), Is.EqualTo("dotnet10"));
            Assert.That(Processor.String("handler"),
                Is.EqualTo("OrdersPipeline.Functions::OrdersPipeline.Functions.Processor.ProcessorFunction::HandleAsync"));
            Assert.That(Processor.Strings("architectures"), Is.EqualTo(new[] { "x86_64" }));
            Assert.That(Processor.Number("memorySize"), Is.EqualTo(1024));
            Assert.That(Processor.Number("timeout"), Is.EqualTo(120));
            Assert.That(Processor.String("role"), Is.EqualTo(MockAws.RoleArn("dev-order-processor-role-backend")));
        });
    }

    [Test]
    public void Processor_environment_names_bucket_key_attribute_prefix_concurrency_and_conditional_writes()
    {
        var variables = RegisteredResource.AsObject(Processor.Object("environment")["variables"]);

        Assert.That(variables, Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["BUCKET_NAME"] = "dev-processed-data-123456789012-backend",
            ["KEY_ATTRIBUTE"] = "orderId",
            ["KEY_PREFIX"] = "processed-data",
            ["MAX_CONCURRENCY"] = "16",
            ["CONDITIONAL_WRITES"] = "true",
            ["METRICS_NAMESPACE"] = "OrdersPipeline",
            ["ENVIRONMENT"] = "dev",
        }));
    }

    [Test]
    public void Every_function_has_active_tracing()
    {
        Assert.That(new[] { Processor, Audit }.Select(function => function.Object("tracingConfig")["mode"]),
            Has.All.EqualTo("Active"));
    }

    [Test]
    public void Audit_runs_the_audit_handler_with_the_audit_table_name()
    {
        var variables = RegisteredResource.AsObject(Audit.Object("environment")["variables"]);

        Assert.That(Audit.String("handler"),
            Is.EqualTo("OrdersPipeline.Functions::OrdersPipeline.Functions.Audit.AuditFunction::HandleAsync"));
        Assert.That(Audit.String("runtime"), Is.EqualTo("dotnet10"));
        Assert.That(Audit.Strings("architectures"), Is.EqualTo(new[] { "x86_64" }));
        Assert.That(variables, Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["AUDIT_TABLE_NAME"] = "dev-audit-table-backend",
            ["METRICS_NAMESPACE"] = "OrdersPipeline",
            ["ENVIRONMENT"] = "dev",
        }));
    }

    [Test]
    public void Both_functions_deploy_the_published_package_folder()
    {
        Assert.That(new[] { Processor, Audit }.Select(function => function.Inputs["code"]),
            Has.All.InstanceOf<Pulumi.FileArchive>());
    }

    [Test]
    public void Each_function_has_its_own_log_group_with_the_configured_retention()
    {
        var groups = _run.OfType(ResourceTypes.LogGroup).ToDictionary(group => group.String("name"), group => group.Number("retentionInDays"));

        Assert.That(groups, Is.EquivalentTo(new Dictionary<string, double>
        {
            ["/aws/lambda/" + ProcessorName] = 30,
            ["/aws/lambda/" + AuditName] = 30,
        }));
    }
}

[TestFixture]
[NonParallelizable]
public sealed class DefaultArchitectureTests
{
    [Test]
    public async Task Functions_run_on_arm64_unless_configured()
    {
        var run = await StackRun.WithDefaults().RunAsync();

        Assert.That(run.OfType(ResourceTypes.Function).SelectMany(function => function.Strings("architectures")),
            Is.EqualTo(new[] { "arm64", "arm64" }));
    }
}
