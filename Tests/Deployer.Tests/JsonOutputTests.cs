using System.Text.Json;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>--json puts exactly one JSON document on stdout; everything human goes to stderr.</summary>
public sealed class JsonOutputTests
{
    private DeployerHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new DeployerHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task Preview_prints_the_change_summary()
    {
        var exitCode = await _harness.RunAsync("preview", "--json");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        using var document = JsonDocument.Parse(_harness.Console.StdOut);
        var root = document.RootElement;
        Assert.That(root.GetProperty("stack").GetString(), Is.EqualTo("dev"));
        Assert.That(root.GetProperty("operation").GetString(), Is.EqualTo("preview"));
        Assert.That(root.GetProperty("changes").GetProperty("create").GetInt32(), Is.EqualTo(3));
        Assert.That(root.GetProperty("changes").GetProperty("same").GetInt32(), Is.EqualTo(2));
        Assert.That(root.GetProperty("durationSeconds").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(_harness.Console.StdErr, Does.Contain("3 to create"));
    }

    [Test]
    public async Task Up_prints_changes_and_outputs_with_secrets_masked()
    {
        var exitCode = await _harness.RunAsync("up", "--json");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        using var document = JsonDocument.Parse(_harness.Console.StdOut);
        var outputs = document.RootElement.GetProperty("outputs");
        Assert.That(outputs.GetProperty("ordersTableName").GetString(), Is.EqualTo("dev-orders-table-backend"));
        Assert.That(outputs.GetProperty("alarmNames").GetArrayLength(), Is.EqualTo(2));
        Assert.That(outputs.GetProperty("apiKey").GetString(), Is.EqualTo("[secret]"));
        Assert.That(document.RootElement.GetProperty("changes").GetProperty("create").GetInt32(), Is.EqualTo(3));
        Assert.That(_harness.Console.StdOut, Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task Outputs_prints_the_outputs_keeping_their_types()
    {
        var exitCode = await _harness.RunAsync("outputs", "--json");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        using var document = JsonDocument.Parse(_harness.Console.StdOut);
        var outputs = document.RootElement.GetProperty("outputs");
        Assert.That(outputs.GetProperty("bucketName").GetString(), Is.EqualTo("dev-processed-data-123-backend"));
        Assert.That(outputs.GetProperty("batchSize").GetInt32(), Is.EqualTo(100));
    }

    [Test]
    public async Task Stacks_prints_an_array_of_stacks()
    {
        var exitCode = await _harness.RunAsync("stacks", "--json");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        using var document = JsonDocument.Parse(_harness.Console.StdOut);
        var stacks = document.RootElement.GetProperty("stacks");
        Assert.That(stacks.GetArrayLength(), Is.EqualTo(2));
        Assert.That(stacks[0].GetProperty("name").GetString(), Is.EqualTo("dev"));
        Assert.That(stacks[0].GetProperty("current").GetBoolean(), Is.True);
        Assert.That(stacks[0].GetProperty("resourceCount").GetInt32(), Is.EqualTo(42));
        Assert.That(stacks[1].GetProperty("lastUpdate").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Destroy_prints_the_change_summary()
    {
        var exitCode = await _harness.RunAsync("destroy", "--yes", "--json");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        using var document = JsonDocument.Parse(_harness.Console.StdOut);
        Assert.That(document.RootElement.GetProperty("changes").GetProperty("delete").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task A_failure_leaves_stdout_empty()
    {
        _harness.Environment.Variables.Remove(DeployerHarness.Passphrase);

        var exitCode = await _harness.RunAsync("preview", "--json");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageOrConfig));
        Assert.That(_harness.Console.StdOut, Is.Empty);
    }

    [Test]
    public async Task Without_json_the_summary_goes_to_stdout()
    {
        var exitCode = await _harness.RunAsync("preview");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), _harness.Console.StdErr);
        Assert.That(_harness.Console.StdOut, Does.Contain("3 to create, 2 unchanged"));
    }
}
