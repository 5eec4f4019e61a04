using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class FunctionsPackageTests
{
    private const FunctionPackageKind ReadyToRun = FunctionPackageKind.ReadyToRun;
    private const FunctionPackageKind NativeAot = FunctionPackageKind.NativeAot;
    private string _root = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "orders-pipeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_root, FunctionsPackage.ProjectRelativePath))!);
        File.WriteAllText(Path.Combine(_root, FunctionsPackage.ProjectRelativePath), "<Project />");
        Directory.CreateDirectory(Path.Combine(_root, "Infra", "bin"));
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Each_architecture_has_its_own_publish_directory_under_artifacts_functions()
    {
        Assert.That(FunctionsPackage.PublishDirectory("/repo", LambdaArchitecture.Arm64, ReadyToRun),
            Is.EqualTo(Path.GetFullPath("/repo/artifacts/functions/arm64")));
        Assert.That(FunctionsPackage.PublishDirectory("/repo", LambdaArchitecture.X86_64, ReadyToRun),
            Is.EqualTo(Path.GetFullPath("/repo/artifacts/functions/x86_64")));
    }

    [Test]
    public void The_native_package_of_each_architecture_has_a_folder_of_its_own()
    {
        Assert.That(FunctionsPackage.PublishDirectory("/repo", LambdaArchitecture.Arm64, NativeAot),
            Is.EqualTo(Path.GetFullPath("/repo/artifacts/functions/arm64-native")));
        Assert.That(FunctionsPackage.PublishDirectory("/repo", LambdaArchitecture.X86_64, NativeAot),
            Is.EqualTo(Path.GetFullPath("/repo/artifacts/functions/x86_64-native")));
    }

    [Test]
    public void Publish_arguments_build_a_release_framework_dependent_ready_to_run_package_for_the_architecture()
    {
        Assert.That(FunctionsPackage.PublishArguments("/repo", LambdaArchitecture.Arm64, ReadyToRun), Is.EqualTo(new[]
        {
            "publish", Path.GetFullPath("/repo/Functions/Lambda/OrdersPipeline.Functions.csproj"), "-c", "Release",
            "-r", "linux-arm64", "-p:PublishReadyToRun=true", "--no-self-contained", "-o",
            Path.GetFullPath("/repo/artifacts/functions/arm64"),
        }));
    }

    [Test]
    public void Native_publish_arguments_build_a_release_native_aot_package_for_the_architecture()
    {
        Assert.That(FunctionsPackage.PublishArguments("/repo", LambdaArchitecture.X86_64, NativeAot), Is.EqualTo(new[]
        {
            "publish", Path.GetFullPath("/repo/Functions/Lambda/OrdersPipeline.Functions.csproj"), "-c", "Release",
            "-r", "linux-x64", "-p:PublishAot=true", "-o", Path.GetFullPath("/repo/artifacts/functions/x86_64-native"),
        }));
    }

    [Test]
    public void The_infra_build_publishes_exactly_the_packages_these_arguments_name()
    {
        var project = File.ReadAllText(Path.Combine(
            FunctionsPackage.FindRepoRoot([TestContext.CurrentContext.TestDirectory])!, "Infra/Stack/OrdersPipeline.Infra.csproj"));

        foreach (var architecture in new[] { LambdaArchitecture.Arm64, LambdaArchitecture.X86_64 })
        {
            Assert.That(project, Does.Contain(
                $"-c Release -r {FunctionsPackage.RuntimeIdentifier(architecture)} -p:PublishReadyToRun=true "
                + $"--no-self-contained -o &quot;$(FunctionsPublishDir)/{architecture.ToAwsName()}&quot;"));
        }
    }

    [Test]
    public void Build_command_is_the_same_publish_relative_to_the_root()
    {
        Assert.That(FunctionsPackage.BuildCommand(LambdaArchitecture.Arm64, ReadyToRun), Is.EqualTo(
            "dotnet publish Functions/Lambda/OrdersPipeline.Functions.csproj -c Release -r linux-arm64 -p:PublishReadyToRun=true "
            + "--no-self-contained -o artifacts/functions/arm64"));
    }

    [TestCase(LambdaArchitecture.Arm64, "linux-arm64", "arm64-native")]
    [TestCase(LambdaArchitecture.X86_64, "linux-x64", "x86_64-native")]
    public void Native_build_command_publishes_aot_into_the_native_folder(
        LambdaArchitecture architecture, string runtimeIdentifier, string folder)
    {
        Assert.That(FunctionsPackage.BuildCommand(architecture, NativeAot), Is.EqualTo(
            $"dotnet publish Functions/Lambda/OrdersPipeline.Functions.csproj -c Release -r {runtimeIdentifier} "
            + $"-p:PublishAot=true -o artifacts/functions/{folder}"));
    }

    [Test]
    public void The_repository_root_is_found_from_a_nested_directory()
    {
        Assert.That(FunctionsPackage.FindRepoRoot([Path.Combine(_root, "Infra", "bin")]), Is.EqualTo(_root));
    }

    [Test]
    public void Later_start_directories_are_tried_when_earlier_ones_are_outside_the_repository()
    {
        var outside = Path.GetTempPath();

        Assert.That(FunctionsPackage.FindRepoRoot([outside, Path.Combine(_root, "Infra")]), Is.EqualTo(_root));
    }

    [Test]
    public void A_published_package_is_located()
    {
        var publish = FunctionsPackage.PublishDirectory(_root, LambdaArchitecture.Arm64, ReadyToRun);
        Directory.CreateDirectory(publish);
        File.WriteAllText(Path.Combine(publish, FunctionsPackage.AssemblyFileName), string.Empty);

        Assert.That(FunctionsPackage.Locate(null, [Path.Combine(_root, "Infra")], LambdaArchitecture.Arm64, ReadyToRun),
            Is.EqualTo(publish));
    }

    [Test]
    public void A_published_native_package_is_located_by_its_bootstrap()
    {
        var publish = FunctionsPackage.PublishDirectory(_root, LambdaArchitecture.Arm64, NativeAot);
        Directory.CreateDirectory(publish);
        File.WriteAllText(Path.Combine(publish, "bootstrap"), string.Empty);

        Assert.That(FunctionsPackage.Locate(null, [Path.Combine(_root, "Infra")], LambdaArchitecture.Arm64, NativeAot),
            Is.EqualTo(publish));
    }

    [Test]
    public void A_ready_to_run_package_does_not_stand_in_for_a_native_one()
    {
        foreach (var folder in new[] { "arm64", "arm64-native" })
        {
            var publish = Path.Combine(_root, "artifacts", "functions", folder);
            Directory.CreateDirectory(publish);
            File.WriteAllText(Path.Combine(publish, FunctionsPackage.AssemblyFileName), string.Empty);
        }

        Assert.That(() => FunctionsPackage.Locate(null, [Path.Combine(_root, "Infra")], LambdaArchitecture.Arm64,
                NativeAot),
            Throws.TypeOf<FunctionsPackageMissingException>().With.Message.Contain(
                Path.Combine(_root, "artifacts", "functions", "arm64-native", "bootstrap")));
    }

    [Test]
    public void A_missing_package_is_an_error_naming_the_command_that_builds_it()
    {
        Assert.That(() => FunctionsPackage.Locate(null, [Path.Combine(_root, "Infra")], LambdaArchitecture.Arm64,
                ReadyToRun),
            Throws.TypeOf<FunctionsPackageMissingException>()
                .With.Message.Contain(FunctionsPackage.BuildCommand(LambdaArchitecture.Arm64, ReadyToRun))
                .And.Message.Contain(Path.Combine(FunctionsPackage.PublishDirectory(_root, LambdaArchitecture.Arm64,
                    ReadyToRun), "OrdersPipeline.Functions.dll"))
                .And.Message.Contain("building Infra runs it"));
    }

    [TestCase(LambdaArchitecture.Arm64, "on an arm64 machine")]
    [TestCase(LambdaArchitecture.X86_64, "on an x86_64 machine")]
    public void A_missing_native_package_names_its_command_and_the_machine_it_compiles_on(
        LambdaArchitecture architecture, string machine)
    {
        Assert.That(() => FunctionsPackage.Locate(null, [Path.Combine(_root, "Infra")], architecture, NativeAot),
            Throws.TypeOf<FunctionsPackageMissingException>()
                .With.Message.Contain(FunctionsPackage.BuildCommand(architecture, NativeAot))
                .And.Message.Contain(Path.Combine(
                    FunctionsPackage.PublishDirectory(_root, architecture, NativeAot), "bootstrap"))
                .And.Message.Contain(machine + " with clang or gcc installed")
                .And.Message.Contain("Infra's build does not publish it")
                .And.Message.Not.Contain("building Infra runs it"));
    }

    [Test]
    public void A_configured_directory_wins_and_must_hold_the_assembly()
    {
        var configured = Path.Combine(_root, "custom");
        Directory.CreateDirectory(configured);

        Assert.That(() => FunctionsPackage.Locate(configured, [], LambdaArchitecture.Arm64, ReadyToRun),
            Throws.TypeOf<FunctionsPackageMissingException>().With.Message.Contain(configured));

        File.WriteAllText(Path.Combine(configured, FunctionsPackage.AssemblyFileName), string.Empty);
        Assert.That(FunctionsPackage.Locate(configured, [], LambdaArchitecture.Arm64, ReadyToRun),
            Is.EqualTo(configured));
    }

    [Test]
    public void A_configured_directory_wins_for_the_native_package_and_must_hold_the_bootstrap()
    {
        var configured = Path.Combine(_root, "custom-native");
        Directory.CreateDirectory(configured);
        File.WriteAllText(Path.Combine(configured, FunctionsPackage.AssemblyFileName), string.Empty);

        Assert.That(() => FunctionsPackage.Locate(configured, [], LambdaArchitecture.X86_64, NativeAot),
            Throws.TypeOf<FunctionsPackageMissingException>()
                .With.Message.Contain(Path.Combine(configured, "bootstrap"))
                .And.Message.Contain(FunctionsPackage.BuildCommand(LambdaArchitecture.X86_64, NativeAot)));

        File.WriteAllText(Path.Combine(configured, "bootstrap"), string.Empty);
        Assert.That(FunctionsPackage.Locate(configured, [], LambdaArchitecture.X86_64, NativeAot),
            Is.EqualTo(configured));
    }

    [Test]
    public void Outside_any_repository_the_error_names_the_build_command_and_the_override_key()
    {
        var outside = Path.Combine(Path.GetTempPath(), "orders-pipeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            foreach (var kind in new[] { ReadyToRun, NativeAot })
            {
                Assert.That(() => FunctionsPackage.Locate(null, [outside], LambdaArchitecture.Arm64, kind),
                    Throws.TypeOf<FunctionsPackageMissingException>()
                        .With.Message.Contain(FunctionsPackage.BuildCommand(LambdaArchitecture.Arm64, kind))
                        .And.Message.Contain("orders-pipeline:functionsPackageDirectory"), kind.ToString());
            }
        }
        finally
        {
            Directory.Delete(outside);
        }
    }
}
