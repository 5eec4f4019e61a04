using NUnit.Framework;
using OrdersPipeline.Functions;
using OrdersPipeline.Infra.Definitions;
using Pulumi;

namespace OrdersPipeline.Infra.Tests;

/// <summary><c>functionPackage</c>: the runtime every function gets and the package the stack looks for. The handler
/// string is the same for both kinds (the native bootstrap reads it from <c>_HANDLER</c>).</summary>
[TestFixture]
[NonParallelizable]
public sealed class FunctionPackageTests
{
    // Every function the stack can make: both ingest doors and the GuardDuty remediation on.
    private static readonly Dictionary<string, string> HandlerOfEachFunction = new()
    {
        ["dev-order-processor-lambda-backend"] = Handlers.Processor,
        ["dev-audit-lambda-backend"] = Handlers.Audit,
        ["dev-http-ingest-lambda-backend"] = Handlers.HttpIngest,
        ["dev-file-ingest-lambda-backend"] = Handlers.FileIngest,
        ["dev-remediation-lambda-backend"] = Handlers.Remediation,
    };

    [Test]
    public async Task Native_aot_runs_every_function_on_provided_al2023_with_its_handler_string()
    {
        var run = await StackRun.WithIngest().With("guardDuty", "true").WithNativeAot().RunAsync();

        var functions = run.OfType(ResourceTypes.Function).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(functions.ToDictionary(function => function.String("name"), function => function.String("handler")),
                Is.EquivalentTo(HandlerOfEachFunction));
            Assert.That(functions.Select(function => function.String("runtime")), Has.All.EqualTo("provided.al2023"));
            Assert.That(functions.SelectMany(function => function.Strings("architectures")), Has.All.EqualTo("arm64"));
            Assert.That(functions.Select(function => function.Inputs["code"]), Has.All.InstanceOf<FileArchive>());
        });
    }

    [Test]
    public async Task Ready_to_run_is_the_default_and_runs_every_function_on_dotnet10_with_the_same_handler_strings()
    {
        var run = await StackRun.WithIngest().With("guardDuty", "true").RunAsync();

        var functions = run.OfType(ResourceTypes.Function).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(functions.ToDictionary(function => function.String("name"), function => function.String("handler")),
                Is.EquivalentTo(HandlerOfEachFunction));
            Assert.That(functions.Select(function => function.String("runtime")), Has.All.EqualTo("dotnet10"));
        });
    }

    [Test]
    public async Task Native_aot_keeps_the_configured_architecture()
    {
        var run = await StackRun.WithDefaults().With("architecture", "x86_64").WithNativeAot().RunAsync();

        Assert.That(run.OfType(ResourceTypes.Function).SelectMany(function => function.Strings("architectures")),
            Is.EqualTo(new[] { "x86_64", "x86_64" }));
    }

    [Test]
    public void Native_aot_refuses_a_ready_to_run_package_and_names_the_native_build()
    {
        var run = StackRun.WithDefaults().WithNativeAot()
            .With(ConfigSchema.FunctionsPackageDirectory.Name, FakeFunctionsPackage.Directory);

        var error = Assert.ThrowsAsync<RunException>(() => run.RunAsync());

        Assert.That(error?.Message, Does.Contain(Path.Combine(FakeFunctionsPackage.Directory, "bootstrap"))
            .And.Contain(FunctionsPackage.BuildCommand(LambdaArchitecture.Arm64, FunctionPackageKind.NativeAot))
            .And.Contain("on an arm64 machine with clang or gcc"));
        Assert.That(run.Mocks.Registered, Is.Empty);
    }

    [Test]
    public void Ready_to_run_refuses_a_native_package()
    {
        var run = StackRun.WithDefaults()
            .With(ConfigSchema.FunctionsPackageDirectory.Name, FakeFunctionsPackage.NativeDirectory);

        var error = Assert.ThrowsAsync<RunException>(() => run.RunAsync());

        Assert.That(error?.Message, Does.Contain(
            Path.Combine(FakeFunctionsPackage.NativeDirectory, FunctionsPackage.AssemblyFileName)));
        Assert.That(run.Mocks.Registered, Is.Empty);
    }
}
