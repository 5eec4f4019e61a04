using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>Each command makes the right workspace calls with the options it was given.</summary>
public sealed class CommandTests : DeployerFixture
{
    [Test]
    public async Task Preview_creates_or_selects_the_dev_stack_and_previews_it()
    {
        Assert.That(await Harness.RunAsync("preview"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);

        Assert.That(Harness.Workspace.Calls, Is.EqualTo(new[] { "config dev create", "preview dev" }));
        var options = Harness.Workspace.Options!;
        Assert.That(options.Targets, Is.Null);
        Assert.That(options.RefreshFirst, Is.False);
    }

    [Test]
    public async Task Preview_stores_config_then_passes_targets_and_refresh()
    {
        var exitCode = await Harness.RunAsync(
            "preview", "--stack", "local", "--config", "batchSize=50", "--config", "orders-pipeline:team=data",
            "--target", "urn:a", "--target", "urn:b", "--refresh");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.Workspace.Calls,
            Is.EqualTo(new[] { "config local create", "set-config local", "preview local" }));
        Assert.That(Harness.Workspace.ConfigSet!.ToDictionary(pair => pair.Key, pair => pair.Value.Value),
            Is.EquivalentTo(new Dictionary<string, string>
            {
                ["orders-pipeline:batchSize"] = "50",
                ["orders-pipeline:team"] = "data",
            }));
        var options = Harness.Workspace.Options!;
        Assert.That(options.Targets, Is.EqualTo(new[] { "urn:a", "urn:b" }));
        Assert.That(options.RefreshFirst, Is.True);
    }

    [Test]
    public async Task Up_creates_or_selects_the_stack_and_updates_it()
    {
        Assert.That(await Harness.RunAsync("up", "--stack", "local", "--refresh"), Is.EqualTo(ExitCodes.Success));

        Assert.That(Harness.Workspace.Calls, Is.EqualTo(new[] { "config local create", "up local" }));
        Assert.That(Harness.Workspace.Options!.RefreshFirst, Is.True);
        Assert.That(Harness.StdOut, Does.Contain("dev-processed-data-123-backend"));
    }

    [Test]
    public async Task Destroy_selects_an_existing_stack_and_destroys_the_targets()
    {
        var exitCode = await Harness.RunAsync("destroy", "--stack", "local", "--yes", "--target", "urn:x");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.Workspace.Calls, Is.EqualTo(new[] { "config local", "destroy local" }));
        Assert.That(Harness.Workspace.Options!.Targets, Is.EqualTo(new[] { "urn:x" }));
    }

    [Test]
    public async Task Refresh_refreshes_the_stack()
    {
        var exitCode = await Harness.RunAsync("refresh", "--stack", "local", "--target", "urn:t");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.Workspace.Calls, Is.EqualTo(new[] { "refresh local" }));
        Assert.That(Harness.Workspace.Options!.Targets, Is.EqualTo(new[] { "urn:t" }));
        Assert.That(Harness.Workspace.Options.RefreshFirst, Is.False);
    }

    [Test]
    public async Task Outputs_prints_the_stack_outputs_with_secrets_masked()
    {
        Assert.That(await Harness.RunAsync("outputs", "--stack", "local"), Is.EqualTo(ExitCodes.Success));

        Assert.That(Harness.Workspace.Calls, Is.EqualTo(new[] { "outputs local" }));
        Assert.That(Harness.StdOut, Does.Contain("bucketName").And.Contain("dev-processed-data-123-backend")
            .And.Contain("[\"a\",\"b\"]").And.Contain("[secret]").And.Not.Contain("hunter2"));
    }

    [Test]
    public async Task Stacks_lists_the_backend_stacks_marking_the_current_one()
    {
        Assert.That(await Harness.RunAsync("stacks"), Is.EqualTo(ExitCodes.Success));

        Assert.That(Harness.Workspace.Calls, Is.EqualTo(new[] { "stacks" }));
        Assert.That(Harness.StdOut, Does.Contain("dev*").And.Contain("local").And.Contain("42"));
    }

    [Test]
    public async Task Remove_removes_the_stack()
    {
        Assert.That(await Harness.RunAsync("remove", "--stack", "old", "--yes"), Is.EqualTo(ExitCodes.Success));

        Assert.That(Harness.Workspace.Calls, Is.EqualTo(new[] { "remove old" }));
        Assert.That(Harness.StdOut, Does.Contain("Pulumi.old.yaml is kept"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Remove_puts_back_the_stack_file_the_engine_deletes(bool engineFails)
    {
        var stackFile = Path.Combine(Harness.RepoRoot, "Pulumi.old.yaml");
        File.WriteAllText(stackFile, "config:\n  orders-pipeline:team: backend\n");
        Harness.Workspace.Removing = _ =>
        {
            File.Delete(stackFile);
            if (engineFails)
            {
                throw new InvalidOperationException("the stack still has resources");
            }
        };

        var exitCode = await Harness.RunAsync("remove", "--stack", "org/orders-pipeline/old", "--yes");

        Assert.That(exitCode, Is.EqualTo(engineFails ? ExitCodes.OperationFailed : ExitCodes.Success), Harness.StdErr);
        Assert.That(File.ReadAllText(stackFile), Is.EqualTo("config:\n  orders-pipeline:team: backend\n"));
    }

    [TestCase("preview")]
    [TestCase("destroy", "--yes")]
    [TestCase("outputs")]
    [TestCase("stacks")]
    public async Task Every_command_disposes_its_workspace(params string[] args)
    {
        await Harness.RunAsync(args);

        Assert.That(Harness.Workspace.DisposeCount, Is.EqualTo(1));
    }

    [Test]
    public async Task The_workspace_is_rooted_at_the_repository_from_a_folder_inside_it()
    {
        var nested = Directory.CreateDirectory(Path.Combine(Harness.RepoRoot, "Deployer", "bin"));
        Harness.CurrentDirectory = nested.FullName;

        Assert.That(await Harness.RunAsync("outputs"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.Opened.Single().RepoRoot, Is.EqualTo(Harness.RepoRoot));
    }

    [Test]
    public async Task Install_cli_is_passed_to_the_workspace()
    {
        await Harness.RunAsync("stacks", "--install-cli");

        Assert.That(Harness.Opened.Single().InstallCli, Is.True);
    }

    [Test]
    public async Task A_run_that_changed_nothing_says_no_resources()
    {
        Harness.Workspace.Changes = [];

        Assert.That(await Harness.RunAsync("refresh"), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        Assert.That(Harness.StdOut, Does.Contain("Refresh of stack 'dev' finished in 0.0s: no resources."));
    }

    [Test]
    public async Task Progress_and_the_summary_go_to_stderr_and_stdout()
    {
        Harness.Workspace.Running = (_, _) =>
        {
            Harness.Clock.Advance(TimeSpan.FromSeconds(9.2));
            return Task.CompletedTask;
        };

        await Harness.RunAsync("preview");

        Assert.That(Harness.StdErr, Does.Contain("Previewing stack 'dev'…"));
        Assert.That(Harness.StdOut, Does.Contain("Preview of stack 'dev' finished in 9.2s: 3 create, 2 same."));
    }

    [TestCase("up", "never asks")]
    [TestCase("refresh", "never asks")]
    [TestCase("destroy", "Do not ask for confirmation")]
    [TestCase("remove", "Do not ask for confirmation")]
    public async Task The_yes_help_says_what_it_does_on_each_command(string command, string help)
    {
        Assert.That(await Harness.RunAsync(command, "--help"), Is.EqualTo(ExitCodes.Success));

        var yesLine = Harness.StdOut.Split('\n')
            .Single(line => line.TrimStart().StartsWith("-y, --yes", StringComparison.Ordinal));
        Assert.That(yesLine, Does.Contain(help));
    }
}
