using OrdersPipeline.Deployer.Commands;
using OrdersPipeline.Deployer.Tests.Support;
using OrdersPipeline.Deployer.Engine;

namespace OrdersPipeline.Deployer.Tests;

/// <summary>One line per resource step, named by the engine's <see cref="ResourceOperation"/>, and the engine's
/// diagnostics, as the engine reports them.</summary>
public sealed class ProgressTests
{
    private const string TableType = "aws:dynamodb/table:Table";

    private const string TableUrn =
        "urn:pulumi:dev::orders-pipeline::orders-pipeline:ingest:IngestTable$aws:dynamodb/table:Table::"
        + "dev-orders-table";

    private DeployerHarness.ManualClock _clock = null!;
    private StringWriter _writer = null!;

    private string[] Lines => _writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [SetUp]
    public void SetUp()
    {
        _clock = new DeployerHarness.ManualClock();
        _writer = new StringWriter();
    }

    [TearDown]
    public void TearDown() => _writer.Dispose();

    [Test]
    public void A_finished_step_is_one_line_with_its_operation_type_name_and_duration()
    {
        var progress = new StepProgress(_writer, _clock);

        progress.OnEvent(Progress.Started(ResourceOperation.CreateReplacement, TableUrn, TableType));
        Assert.That(_writer.ToString(), Is.Empty);
        _clock.Advance(TimeSpan.FromSeconds(3.2));
        progress.OnEvent(Progress.Finished(ResourceOperation.CreateReplacement, TableUrn, TableType));

        Assert.That(Lines.Single(), Does.StartWith("  createReplacement ").And.Contain(TableType)
            .And.EndWith(" dev-orders-table (3.2s)"));
    }

    [Test]
    public void A_failed_step_says_so_and_counts_no_error_until_the_engine_reports_one()
    {
        var progress = new StepProgress(_writer, _clock);

        progress.OnEvent(Progress.Started(ResourceOperation.Update, TableUrn, TableType));
        progress.OnEvent(Progress.Failed(ResourceOperation.Update, TableUrn, TableType));
        Assert.That(progress.ErrorCount, Is.Zero);
        progress.OnEvent(Progress.Diagnostic("error", "<{%reset%}>AccessDenied<{%reset%}>", TableUrn));

        Assert.That(Lines, Is.EqualTo(new[]
        {
            $"  update FAILED        {TableType,-45} dev-orders-table (0.0s)",
            "error: [dev-orders-table] AccessDenied",
        }));
        Assert.That(progress.ErrorCount, Is.EqualTo(1));
    }

    [Test]
    public void Warnings_and_info_are_printed_while_debug_and_ephemeral_messages_are_not()
    {
        var progress = new StepProgress(_writer, _clock);

        progress.OnEvent(Progress.Diagnostic("warning", "deprecated argument"));
        progress.OnEvent(Progress.Diagnostic("info", "hello from the program"));
        progress.OnEvent(Progress.Diagnostic("debug", "noise"));
        progress.OnEvent(Progress.Diagnostic("info", "transient", ephemeral: true));

        Assert.That(Lines, Is.EqualTo(new[] { "warning: deprecated argument", "hello from the program" }));
    }

    [TestCase(0.04, "0.0s")]
    [TestCase(12.34, "12.3s")]
    [TestCase(125, "2m05s")]
    public void Durations_are_short(double seconds, string expected)
    {
        Assert.That(StepProgress.Format(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_command_prints_each_step_on_stderr_while_it_runs()
    {
        using var harness = new DeployerHarness();
        harness.Workspace.Running = (options, _) =>
        {
            foreach (var (operation, name) in new[] { (ResourceOperation.Create, "a"), (ResourceOperation.Same, "b") })
            {
                var urn = $"urn:pulumi:dev::orders-pipeline::aws:sqs/queue:Queue::{name}";
                options.OnProgress(Progress.Started(operation, urn, "aws:sqs/queue:Queue"));
                options.OnProgress(Progress.Finished(operation, urn, "aws:sqs/queue:Queue"));
            }

            return Task.CompletedTask;
        };

        Assert.That(await harness.RunAsync("up"), Is.EqualTo(ExitCodes.Success), harness.StdErr);
        Assert.That(harness.StdErr.Split(Environment.NewLine).Count(line => line.Contains("aws:sqs/queue:Queue")),
            Is.EqualTo(2));
        Assert.That(harness.StdOut, Does.Not.Contain("aws:sqs/queue:Queue"));
    }
}
