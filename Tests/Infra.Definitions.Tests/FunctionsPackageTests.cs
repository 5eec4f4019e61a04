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
    public void Publish_directory_is_artifacts_functions_under_the_root()
    {
        Assert.That(FunctionsPackage.PublishDirectory("/repo"), Is.EqualTo(Path.GetFullPath("/repo/artifacts/functions")));
    }

    [Test]
    public void Publish_arguments_build_a_release_framework_dependent_package_into_the_publish_directory()
    {
        Assert.That(FunctionsPackage.PublishArguments("/repo"), Is.EqualTo(new[]
        {
            "publish", Path.GetFullPath("/repo/Functions/OrdersPipeline.Functions.csproj"), "-c", "Release", "-o",
            Path.GetFullPath("/repo/artifacts/functions"), "--no-self-contained",
        }));
    }

    [Test]
    public void Build_command_is_the_same_publish_relative_to_the_root()
    {
        Assert.That(FunctionsPackage.BuildCommand, Is.EqualTo(
            "dotnet publish Functions/OrdersPipeline.Functions.csproj -c Release -o artifacts/functions --no-self-contained"));
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
        var publish = FunctionsPackage.PublishDirectory(_root);
        Directory.CreateDirectory(publish);
        File.WriteAllText(Path.Combine(publish, FunctionsPackage.AssemblyFileName), string.Empty);

        Assert.That(FunctionsPackage.Locate(null, [Path.Combine(_root, "Infra")]), Is.EqualTo(publish));
    }

    [Test]
    public void A_missing_package_is_an_error_naming_the_command_that_builds_it()
    {
        Assert.That(() => FunctionsPackage.Locate(null, [Path.Combine(_root, "Infra")]),
            Throws.TypeOf<FunctionsPackageMissingException>()
                .With.Message.Contain(FunctionsPackage.BuildCommand)
                .And.Message.Contain(Path.Combine(FunctionsPackage.PublishDirectory(_root), "OrdersPipeline.Functions.dll")));
    }

    [Test]
    public void A_configured_directory_wins_and_must_hold_the_assembly()
    {
        var configured = Path.Combine(_root, "custom");
        Directory.CreateDirectory(configured);

        Assert.That(() => FunctionsPackage.Locate(configured, []),
            Throws.TypeOf<FunctionsPackageMissingException>().With.Message.Contain(configured));

        File.WriteAllText(Path.Combine(configured, FunctionsPackage.AssemblyFileName), string.Empty);
        Assert.That(FunctionsPackage.Locate(configured, []), Is.EqualTo(configured));
    }

    [Test]
    public void Outside_any_repository_the_error_names_the_build_command_and_the_override_key()
    {
        var outside = Path.Combine(Path.GetTempPath(), "orders-pipeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            Assert.That(() => FunctionsPackage.Locate(null, [outside]),
                Throws.TypeOf<FunctionsPackageMissingException>()
                    .With.Message.Contain(FunctionsPackage.BuildCommand)
                    .And.Message.Contain("orders-pipeline:functionsPackageDirectory"));
        }
        finally
        {
            Directory.Delete(outside);
        }
    }
}
