using System.Text.Json;
using System.Text.Json.Nodes;
using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>--json puts exactly one JSON document on stdout; everything human goes to stderr.</summary>
public sealed class JsonOutputTests : DeployerFixture
{
    [Test]
    public async Task Preview_prints_the_changes_keyed_by_the_engine_operation_names()
    {
        Harness.Workspace.Changes[ResourceOperation.CreateReplacement] = 1;

        var root = await RunJsonAsync("preview", "--json");

        Assert.That(root.GetProperty("stack").GetString(), Is.EqualTo("dev"));
        Assert.That(root.GetProperty("operation").GetString(), Is.EqualTo("preview"));
        var changes = root.GetProperty("changes");
        Assert.That(changes.GetProperty("create").GetInt32(), Is.EqualTo(3));
        Assert.That(changes.GetProperty("same").GetInt32(), Is.EqualTo(2));
        Assert.That(changes.GetProperty("createReplacement").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("durationSeconds").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(Harness.StdErr, Does.Contain("3 create"));
    }

    [Test]
    public async Task Up_prints_changes_and_outputs_with_secrets_masked()
    {
        var root = await RunJsonAsync("up", "--json");

        var outputs = root.GetProperty("outputs");
        Assert.That(outputs.GetProperty("bucketName").GetString(), Is.EqualTo("dev-processed-data-123-backend"));
        Assert.That(outputs.GetProperty("alarmNames").GetArrayLength(), Is.EqualTo(2));
        Assert.That(outputs.GetProperty("apiKey").GetString(), Is.EqualTo("[secret]"));
        Assert.That(root.GetProperty("changes").GetProperty("create").GetInt32(), Is.EqualTo(3));
        Assert.That(Harness.StdOut + Harness.StdErr, Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task Outputs_keep_their_json_types()
    {
        Harness.Workspace.Outputs["endpoint"] =
            new(JsonNode.Parse("""{"port":5000,"tags":{"team":"backend"}}"""), IsSecret: false);

        var outputs = (await RunJsonAsync("outputs", "--json")).GetProperty("outputs");

        Assert.That(outputs.GetProperty("batchSize").GetInt32(), Is.EqualTo(100));
        Assert.That(outputs.GetProperty("endpoint").GetProperty("port").GetInt32(), Is.EqualTo(5000));
        Assert.That(outputs.GetProperty("endpoint").GetProperty("tags").GetProperty("team").GetString(),
            Is.EqualTo("backend"));
    }

    [Test]
    public async Task Stacks_prints_an_array_of_stacks()
    {
        var stacks = (await RunJsonAsync("stacks", "--json")).GetProperty("stacks");

        Assert.That(stacks.GetArrayLength(), Is.EqualTo(2));
        Assert.That(stacks[0].GetProperty("name").GetString(), Is.EqualTo("dev"));
        Assert.That(stacks[0].GetProperty("current").GetBoolean(), Is.True);
        Assert.That(stacks[0].GetProperty("resourceCount").GetInt32(), Is.EqualTo(42));
        Assert.That(stacks[0].GetProperty("lastUpdate").GetDateTimeOffset().Year, Is.EqualTo(2026));
        Assert.That(stacks[1].GetProperty("lastUpdate").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(stacks[1].GetProperty("updateInProgress").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Destroy_prints_the_changes()
    {
        Harness.Workspace.Changes = new() { [ResourceOperation.Delete] = 5 };

        var root = await RunJsonAsync("destroy", "--yes", "--json");

        Assert.That(root.GetProperty("changes").GetProperty("delete").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task Remove_says_the_stack_was_removed()
    {
        var root = await RunJsonAsync("remove", "--stack", "old", "--yes", "--json");

        Assert.That(root.GetProperty("stack").GetString(), Is.EqualTo("old"));
        Assert.That(root.GetProperty("removed").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Every_success_carries_exit_code_0_and_the_human_message()
    {
        foreach (var args in new[] { new[] { "preview" }, ["up"], ["outputs"], ["stacks"], ["destroy", "--yes"] })
        {
            ResetHarness();
            var root = await RunJsonAsync([.. args, "--json"]);

            Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(ExitCodes.Success), args[0]);
            var expected = args[0] == "stacks" ? "2 stacks" : "'dev'";
            Assert.That(root.GetProperty("message").GetString(), Does.Contain(expected), args[0]);
        }
    }

    [Test]
    public async Task An_environment_failure_is_one_json_object_with_its_exit_code_and_message()
    {
        Harness.Variables.Remove("PULUMI_CONFIG_PASSPHRASE");

        Assert.That(await Harness.RunAsync("preview", "--json"), Is.EqualTo(ExitCodes.Environment));
        var root = Parse(Harness.StdOut);
        Assert.That(root.GetProperty("command").GetString(), Is.EqualTo("preview"));
        Assert.That(root.GetProperty("stack").GetString(), Is.EqualTo("dev"));
        Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(ExitCodes.Environment));
        Assert.That(root.GetProperty("message").GetString(), Does.Contain("PULUMI_CONFIG_PASSPHRASE"));
    }

    [Test]
    public async Task A_config_failure_lists_each_problem()
    {
        var exitCode = await Harness.RunAsync("up", "--config", "batchSize=0", "--config", "alertEmail=nope", "--json");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        var problems = Parse(Harness.StdOut).GetProperty("problems");
        Assert.That(problems.GetArrayLength(), Is.EqualTo(2));
        Assert.That(problems[0].GetString(), Does.Contain("orders-pipeline:batchSize"));
        Assert.That(problems[1].GetString(), Does.Contain("orders-pipeline:alertEmail"));
    }

    [Test]
    public async Task An_engine_failure_s_message_is_the_engine_s_errors()
    {
        Harness.Workspace.Running = (options, _) =>
        {
            options.OnProgress(Progress.Diagnostic("error", "No valid credential sources found"));
            throw new DeployerException(ExitCodes.OperationFailed, "code: 255");
        };

        Assert.That(await Harness.RunAsync("up", "--json"), Is.EqualTo(ExitCodes.OperationFailed));
        var root = Parse(Harness.StdOut);
        Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(ExitCodes.OperationFailed));
        Assert.That(root.GetProperty("message").GetString(), Is.EqualTo("No valid credential sources found"));
    }

    [Test]
    public async Task A_refusal_and_a_cancellation_are_json_too()
    {
        Assert.That(await Harness.RunAsync("destroy", "--json"), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(Parse(Harness.StdOut).GetProperty("message").GetString(), Does.Contain("--yes"));

        ResetHarness();
        Harness.AttachTerminal(false);
        Assert.That(await Harness.RunAsync("destroy", "--json"), Is.EqualTo(ExitCodes.Cancelled));
        Assert.That(Parse(Harness.StdOut).GetProperty("exitCode").GetInt32(), Is.EqualTo(ExitCodes.Cancelled));
    }

    [TestCase("up", "--colour", "--json")]
    [TestCase("deploy", "--json")]
    public async Task A_command_line_that_does_not_parse_is_json_with_exit_code_2(params string[] args)
    {
        Assert.That(await Harness.RunAsync(args), Is.EqualTo(ExitCodes.UsageOrConfig));
        var root = Parse(Harness.StdOut);
        Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(root.GetProperty("message").GetString(), Is.Not.Empty);
    }

    private static JsonElement Parse(string stdout)
    {
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    private async Task<JsonElement> RunJsonAsync(params string[] args)
    {
        Assert.That(await Harness.RunAsync(args), Is.EqualTo(ExitCodes.Success), Harness.StdErr);
        using var document = JsonDocument.Parse(Harness.StdOut);
        return document.RootElement.Clone();
    }
}
