using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class FunctionsPackageTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "orders-pipeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "Functions"));
        File.WriteAllText(Path.Combine(_root, FunctionsPackage.ProjectRelativePath), "<Project />");
        Directory.CreateDirectory(Path.Combine(_root, "Infra", "bin"));
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Each_architecture_has_its_own_publish_directory_under_artifacts_functions()
    {
        Assert.That(FunctionsPackage.PublishDirectory("/repo", LambdaArchitecture.Arm64),
            Is.EqualTo(Path.GetFullPath("/repo/artifacts/functions/arm64")));
        Assert.That(FunctionsPackage.PublishDirectory("/repo", LambdaArchitecture.X86_64),
            Is.EqualTo(Path.GetFullPath("/repo/artifacts/functions/x86_64")));
    }

    [Test]
    public void Publish_arguments_build_a_release_framework_dependent_ready_to_run_package_for_the_architecture()
    {
        Assert.That(FunctionsPackage.PublishArguments("/repo", LambdaArchitecture.Arm64), Is.EqualTo(new[]
        {
            "publish", Path.GetFullPath("/repo/Functions/OrdersPipeline.Functions.csproj"), "-c", "Release",
            "-r", "linux-arm64", "-p:PublishReadyToRun=true", "--no-self-contained", "-o",
            Path.GetFullPath("/repo/artifacts/functions/arm64"),
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
        Assert.That(FunctionsPackage.BuildCommand(LambdaArchitecture.Arm64), Is.EqualTo(
            "dotnet publish Functions/OrdersPipeline.Functions.csproj -c Release -r linux-arm64 -p:PublishReadyToRun=true "
            + "--no-self-contained -o artifacts/functions/arm64"));
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
        var publish = FunctionsPackage.PublishDirectory(_root, LambdaArchitecture.Arm64);
        Directory.CreateDirectory(publish);
        File.WriteAllText(Path.Combine(publish, FunctionsPackage.AssemblyFileName), string.Empty);

        Assert.That(FunctionsPackage.Locate(null, [Path.Combine(_root, "Infra")], LambdaArchitecture.Arm64), Is.EqualTo(publish));
    }

    [Test]
    public void A_missing_package_is_an_error_naming_the_command_that_builds_it()
    {
        Assert.That(() => FunctionsPackage.Locate(null, [Path.Combine(_root, "Infra")], LambdaArchitecture.Arm64),
            Throws.TypeOf<FunctionsPackageMissingException>()
                .With.Message.Contain(FunctionsPackage.BuildCommand(LambdaArchitecture.Arm64))
                .And.Message.Contain(Path.Combine(FunctionsPackage.PublishDirectory(_root, LambdaArchitecture.Arm64), "OrdersPipeline.Functions.dll")));
    }

    [Test]
    public void A_configured_directory_wins_and_must_hold_the_assembly()
    {
        var configured = Path.Combine(_root, "custom");
        Directory.CreateDirectory(configured);

        Assert.That(() => FunctionsPackage.Locate(configured, [], LambdaArchitecture.Arm64),
            Throws.TypeOf<FunctionsPackageMissingException>().With.Message.Contain(configured));

        File.WriteAllText(Path.Combine(configured, FunctionsPackage.AssemblyFileName), string.Empty);
        Assert.That(FunctionsPackage.Locate(configured, [], LambdaArchitecture.Arm64), Is.EqualTo(configured));
    }

    [Test]
    public void Outside_any_repository_the_error_names_the_build_command_and_the_override_key()
    {
        var outside = Path.Combine(Path.GetTempPath(), "orders-pipeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            Assert.That(() => FunctionsPackage.Locate(null, [outside], LambdaArchitecture.Arm64),
                Throws.TypeOf<FunctionsPackageMissingException>()
                    .With.Message.Contain(FunctionsPackage.BuildCommand(LambdaArchitecture.Arm64))
                    .And.Message.Contain("orders-pipeline:functionsPackageDirectory"));
        }
        finally
        {
            Directory.Delete(outside);
        }
    }
}
