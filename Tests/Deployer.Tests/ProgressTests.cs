using Moq;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Deployer.Progress;
using OrdersPipeline.Deployer.Tests.Support;

namespace OrdersPipeline.Deployer.Tests;

public sealed class ProgressTests
{
    private const string TableUrn =
        "urn:pulumi:dev::orders-pipeline::orders-pipeline:ingest:IngestTable$aws:dynamodb/table:Table::dev-orders-table-backend";

    [Test]
    public async Task Each_finished_step_is_one_line_with_its_operation_and_duration()
    {
        var clock = new ManualClock();
        var writer = new StringWriter();
        var display = new LineProgressDisplay(writer, clock);

        await display.TrackAsync("Updating stack 'dev'…", observer =>
        {
            observer.OnStep(new StepEvent(StepPhase.Started, StepOperation.Create, TableUrn, "aws:dynamodb/table:Table"));
            clock.Advance(TimeSpan.FromSeconds(3.2));
            observer.OnStep(new StepEvent(StepPhase.Finished, StepOperation.Create, TableUrn, "aws:dynamodb/table:Table"));
            return Task.FromResult(0);
        });

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[1], Does.Contain("+ ").And.Contain("create").And.Contain("aws:dynamodb/table:Table")
            .And.Contain("dev-orders-table-backend").And.Contain("(3.2s)"));
    }

    [Test]
    public async Task A_failed_step_says_so_and_errors_are_kept_for_the_end()
    {
        var writer = new StringWriter();
        var display = new LineProgressDisplay(writer, new ManualClock());

        await display.TrackAsync("x", observer =>
        {
            observer.OnStep(new StepEvent(StepPhase.Started, StepOperation.Update, TableUrn, "aws:dynamodb/table:Table"));
            observer.OnStep(new StepEvent(StepPhase.Failed, StepOperation.Update, TableUrn, "aws:dynamodb/table:Table"));
            observer.OnMessage(new EngineMessage(MessageSeverity.Error, "AccessDenied", TableUrn));
            observer.OnMessage(new EngineMessage(MessageSeverity.Warning, "deprecated argument", null));
            return Task.FromResult(0);
        });

        var output = writer.ToString();
        Assert.That(output, Does.Contain("update FAILED").And.Contain("warning: deprecated argument"));
        Assert.That(output, Does.Not.Contain("AccessDenied"));
        Assert.That(display.Errors.Single().Text, Is.EqualTo("AccessDenied"));
    }

    [Test]
    public async Task Steps_are_printed_while_the_command_runs_one_line_per_step()
    {
        using var harness = new DeployerHarness();
        harness.Operations.Setup(operations => operations.UpAsync(
                It.IsAny<StackUpdateRequest>(), It.IsAny<IOperationObserver>(), It.IsAny<CancellationToken>()))
            .Returns<StackUpdateRequest, IOperationObserver, CancellationToken>((_, observer, _) =>
            {
                foreach (var (operation, name) in new[] { (StepOperation.Create, "a"), (StepOperation.Same, "b") })
                {
                    var urn = $"urn:pulumi:dev::orders-pipeline::aws:sqs/queue:Queue::{name}";
                    observer.OnStep(new StepEvent(StepPhase.Started, operation, urn, "aws:sqs/queue:Queue"));
                    observer.OnStep(new StepEvent(StepPhase.Finished, operation, urn, "aws:sqs/queue:Queue"));
                }

                return Task.FromResult(new UpOutcome(
                    DeployerHarness.Changes((StepOperation.Create, 1), (StepOperation.Same, 1)),
                    new Dictionary<string, StackOutput>()));
            });

        var exitCode = await harness.RunAsync("up");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), harness.Console.StdErr);
        var stepLines = harness.Console.StdErr.Split(Environment.NewLine).Where(line => line.Contains("aws:sqs/queue:Queue"));
        Assert.That(stepLines.Count(), Is.EqualTo(2));
        Assert.That(harness.Console.StdOut, Does.Contain("1 created, 1 unchanged"));
    }

    [Test]
    public void Summaries_list_changes_before_unchanged_and_say_planned_or_done()
    {
        var changes = DeployerHarness.Changes(
            (StepOperation.Same, 40), (StepOperation.Update, 1), (StepOperation.Create, 3), (StepOperation.Delete, 0));

        Assert.That(ChangeSummaryFormatter.Format(changes, planned: true),
            Is.EqualTo("3 to create, 1 to update, 40 unchanged"));
        Assert.That(ChangeSummaryFormatter.Format(changes, planned: false),
            Is.EqualTo("3 created, 1 updated, 40 unchanged"));
        Assert.That(ChangeSummaryFormatter.Format(ChangeSummary.Empty, planned: true), Is.EqualTo("no resources"));
    }

    [TestCase(0.04, "0.0s")]
    [TestCase(12.34, "12.3s")]
    [TestCase(125, "2m05s")]
    public void Durations_are_short(double seconds, string expected)
    {
        Assert.That(ChangeSummaryFormatter.FormatDuration(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
    }
}
