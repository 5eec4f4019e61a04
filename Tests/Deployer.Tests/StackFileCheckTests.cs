using System.Text.Json;
using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Deployer.Tests.Support;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Tests;

/// <summary><c>Pulumi.&lt;stack&gt;.yaml</c> is read and checked by the Deployer itself, with the program's schema and
/// rules across keys, before any workspace opens: <c>check --stack</c> does only that (no CLI, no passphrase, no
/// backend), and <c>preview</c>/<c>up</c> do it first. Driven through the same command line Program runs.</summary>
public sealed class StackFileCheckTests : DeployerFixture
{
    private const string BadStack = """
        config:
          aws:region: us-east-1
          orders-pipeline:team: backend
          orders-pipeline:batchSize: "0"
          orders-pipeline:alertEmail: not-an-email
        """;

    [Test]
    public async Task Check_reports_every_bad_key_of_the_file_with_file_line_and_key_and_exits_2()
    {
        WriteStack("bad", BadStack);
        NoEngineAtAll();

        Assert.That(await Harness.RunAsync("check", "--stack", "bad"), Is.EqualTo(ExitCodes.UsageOrConfig));

        var stderr = Harness.StdErr;
        Assert.That(stderr, Does.Contain("Stack 'bad' has invalid config (2 problems in Pulumi.bad.yaml)"));
        Assert.That(stderr, Does.Contain(
            "- Pulumi.bad.yaml:4: Config 'orders-pipeline:batchSize' has invalid value '0'"));
        Assert.That(stderr, Does.Contain(
            "- Pulumi.bad.yaml:5: Config 'orders-pipeline:alertEmail' has invalid value 'not-an-email'"));
        Assert.That(Harness.Opened, Is.Empty);
    }

    [Test]
    public async Task Check_needs_no_passphrase_and_opens_no_backend_folder()
    {
        WriteStack("dev", "config:\n  orders-pipeline:team: backend\n");
        Harness.Variables.Clear();

        Assert.That(await Harness.RunAsync("check", "--stack", "dev"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.StdOut, Does.Contain("Pulumi.dev.yaml is valid: 1 program key checked"));
        Assert.That(Harness.Opened, Is.Empty);
        Assert.That(Directory.Exists(Harness.HomeDirectory), Is.False);
    }

    [Test]
    public async Task Rules_across_keys_are_checked_as_the_program_checks_them()
    {
        WriteStack("edge", """
            config:
              orders-pipeline:team: backend
              orders-pipeline:kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
            """);

        Assert.That(await Harness.RunAsync("check", "--stack", "edge"), Is.EqualTo(ExitCodes.UsageOrConfig));

        var expected = Assert.Throws<ConfigValidationException>(() => StackConfig.Load(
            name => name switch
            {
                "team" => "backend",
                "kmsKeyArn" => "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                _ => null,
            },
            "edge"))!.Problems.Single();
        Assert.That(Harness.StdErr, Does.Contain($"- Pulumi.edge.yaml:3: {expected}"));
    }

    [Test]
    public async Task A_missing_required_key_is_reported_against_the_file()
    {
        WriteStack("empty", "config:\n  orders-pipeline:batchSize: \"10\"\n");

        Assert.That(await Harness.RunAsync("check", "--stack", "empty"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain("- Pulumi.empty.yaml: Config 'orders-pipeline:team' is required"));
    }

    [Test]
    public async Task Secure_values_stay_unread_and_a_secure_required_key_counts_as_set()
    {
        WriteStack("sec", """
            encryptionsalt: v1:abc
            config:
              orders-pipeline:team:
                secure: v1:AAAA-not-decrypted
              orders-pipeline:alertEmail:
                secure: v1:BBBB-not-decrypted
            """);

        Assert.That(await Harness.RunAsync("check", "--stack", "sec"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.StdOut, Does.Contain("2 secure values not read")
            .And.Contain("orders-pipeline:alertEmail").And.Not.Contain("AAAA").And.Not.Contain("BBBB"));
    }

    [Test]
    public async Task A_list_or_map_value_is_a_problem_and_an_unknown_key_a_warning()
    {
        WriteStack("odd", """
            config:
              orders-pipeline:team: backend
              orders-pipeline:batchSize: [1, 2]
              orders-pipeline:colour: blue
              aws:region: us-east-1
            """);

        Assert.That(await Harness.RunAsync("check", "--stack", "odd"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain(
                "- Pulumi.odd.yaml:3: Config 'orders-pipeline:batchSize' must be a plain value")
            .And.Contain("warning: Pulumi.odd.yaml:4: 'orders-pipeline:colour' is not a key the program reads"));
    }

    [Test]
    public async Task A_file_that_is_not_yaml_is_2_naming_the_file_and_line()
    {
        WriteStack("broken", "config:\n  orders-pipeline:team: [unclosed\n");

        Assert.That(await Harness.RunAsync("check", "--stack", "broken"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain("error: Pulumi.broken.yaml cannot be read: line ")
            .And.Contain("not valid YAML"));
    }

    [Test]
    public async Task A_missing_file_is_2_saying_how_to_create_the_stack()
    {
        Assert.That(await Harness.RunAsync("check", "--stack", "nope"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain("There is no Pulumi.nope.yaml in").And.Contain("up --stack nope"));
    }

    [Test]
    public async Task With_json_the_problems_are_one_object_on_stdout()
    {
        WriteStack("bad", BadStack);

        Assert.That(await Harness.RunAsync("check", "--stack", "bad", "--json"), Is.EqualTo(ExitCodes.UsageOrConfig));

        using var document = JsonDocument.Parse(Harness.StdOut);
        var root = document.RootElement;
        Assert.That(root.GetProperty("command").GetString(), Is.EqualTo("check"));
        Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(ExitCodes.UsageOrConfig));
        var problems = root.GetProperty("problems").EnumerateArray().Select(problem => problem.GetString()).ToList();
        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems, Has.Some.StartsWith("Pulumi.bad.yaml:4: Config 'orders-pipeline:batchSize'"));
        Assert.That(problems, Has.Some.StartsWith("Pulumi.bad.yaml:5: Config 'orders-pipeline:alertEmail'"));
    }

    [TestCase("preview")]
    [TestCase("up")]
    public async Task Preview_and_up_check_the_file_before_a_workspace_or_passphrase(string command)
    {
        WriteStack("bad", BadStack);
        Harness.Variables.Clear();

        Assert.That(await Harness.RunAsync(command, "--stack", "bad"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Contain("Pulumi.bad.yaml:4:").And.Contain("Pulumi.bad.yaml:5:"));
        Assert.That(Harness.Opened, Is.Empty);
    }

    [Test]
    public async Task A_config_pair_fixes_a_bad_value_for_the_check_and_its_own_problems_name_it()
    {
        WriteStack("bad", BadStack);

        var exitCode = await Harness.RunAsync(
            "preview", "--stack", "bad", "--config", "batchSize=10", "--config", "kmsKeyArn="
            + "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Harness.StdErr, Does.Not.Contain("batchSize' has invalid")
            .And.Contain("- Pulumi.bad.yaml:5: Config 'orders-pipeline:alertEmail'")
            .And.Contain("- --config kmsKeyArn: Config 'orders-pipeline:kmsKeyArn'"));
    }

    [TestCase("dev")]
    [TestCase("local")]
    public async Task The_committed_stack_files_pass_the_check(string stack)
    {
        var repoRoot = FunctionsPackage.FindRepoRoot([TestContext.CurrentContext.TestDirectory])!;
        Harness.CurrentDirectory = repoRoot;

        Assert.That(await Harness.RunAsync("check", "--stack", stack), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.StdErr, Does.Not.Contain("warning"));
    }

    private void WriteStack(string stack, string yaml) =>
        File.WriteAllText(Path.Combine(Harness.RepoRoot, $"Pulumi.{stack}.yaml"), yaml + "\n");

    /// <summary>Any workspace call fails the test: the check must not need the engine.</summary>
    private void NoEngineAtAll()
    {
        foreach (var verb in new[] { "config", "set-config", "preview", "up", "stacks" })
        {
            Harness.Workspace.Failures[verb] = new EngineMissingException("the engine must not be used");
        }
    }
}
