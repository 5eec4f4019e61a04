using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>One convention for the outputs of parts that are off: an empty string (or list), listed once.</summary>
[TestFixture]
public sealed class StackOutputsTests
{
    [Test]
    public void An_output_of_a_part_that_is_off_is_an_empty_string()
    {
        Assert.That(StackOutputs.Off, Is.Empty.And.Not.Null);
    }

    [Test]
    public void With_every_part_on_no_output_is_off()
    {
        Assert.That(StackOutputs.OffFor(StackPartsTests.EveryPartOn().Parse().Parts), Is.Empty);
    }

    [Test]
    public void With_the_defaults_every_output_but_the_doors_is_off()
    {
        Assert.That(StackOutputs.OffFor(new ConfigFixture().Parse().Parts), Is.EqualTo(new[]
        {
            "kmsKeyArn", "kmsKeyAlias", "auditTrailArn", "auditTrailBucketName", "auditTrailLogGroupName",
            "cdnDomainName", "webAclArn", "vpcId", "functionSubnetIds", "functionSecurityGroupId",
            "vpcFlowLogGroupName", "guardDutyDetectorId", "guardDutyFindingsRuleArn", "remediationFunctionName",
            "configRuleNames",
        }));
    }

    [Test]
    public void With_the_doors_off_their_outputs_are_off()
    {
        var parts = new ConfigFixture().With("httpIngest", "false").With("fileIngest", "false").Parse().Parts;

        Assert.That(StackOutputs.OffFor(parts), Is.SupersetOf(new[]
        {
            "ordersApiUrl", "ordersApiKeyId", "ordersApiKeySecretArn", "dropBucketName", "ingestLogTableName",
        }));
    }

    [Test]
    public void Each_output_is_listed_once()
    {
        Assert.That(StackOutputs.Optional.Select(output => output.Name), Is.Unique);
    }

    // The docs list the convention where they list the outputs.
    [Test]
    public void The_architecture_doc_states_the_convention_and_names_every_optional_output()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "architecture.md"));
        var section = doc[doc.IndexOf("**Outputs of parts that are off.**", StringComparison.Ordinal)..];

        Assert.That(section, Does.Contain("empty string"));
        Assert.That(StackOutputs.Optional.Select(output => output.Name),
            Has.All.Matches<string>(name => section.Contains($"`{name}`", StringComparison.Ordinal)));
    }

    private static string RepoRoot() =>
        FunctionsPackage.FindRepoRoot([TestContext.CurrentContext.TestDirectory])
        ?? throw new DirectoryNotFoundException("The repository root was not found above the tests.");
}
