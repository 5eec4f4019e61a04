using OrdersPipeline.Deployer.Operations;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrdersPipeline.Deployer.Progress;

/// <summary>A Spectre.Console live table of resource steps on stderr, redrawn while the operation runs. Messages are
/// held back and printed under the table, since writing while the table is live would tear it.</summary>
public sealed class LiveTableProgressDisplay(TextWriter writer, TimeProvider clock) : IProgressDisplay
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(150);

    private readonly StepTracker _tracker = new(clock);
    private readonly List<EngineMessage> _messages = [];

    public IReadOnlyList<EngineMessage> Errors => _tracker.Errors();

    public async Task<T> TrackAsync<T>(string title, Func<IOperationObserver, Task<T>> operation)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.Yes,
        });
        console.WriteLine(title);

        var observer = new TrackingObserver(_tracker, _ => { }, message =>
        {
            lock (_messages)
            {
                _messages.Add(message);
            }
        });

        Task<T>? running = null;
        await console.Live(BuildTable())
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Top)
            .StartAsync(async context =>
            {
                running = operation(observer);
                while (!running.IsCompleted)
                {
                    await Task.WhenAny(running, Task.Delay(RedrawInterval)).ConfigureAwait(false);
                    context.UpdateTarget(BuildTable());
                }
            })
            .ConfigureAwait(false);

        lock (_messages)
        {
            foreach (var message in _messages)
            {
                console.WriteLine(StepLineFormatter.Format(message), Style.Plain);
            }
        }

        return await running!.ConfigureAwait(false);
    }

    private IRenderable BuildTable()
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Op").AddColumn("Type").AddColumn("Name").AddColumn("Status").AddColumn(new TableColumn("Time").RightAligned());
        foreach (var row in _tracker.Rows())
        {
            var words = OperationVocabulary.For(row.Operation);
            var status = row.Status switch
            {
                StepStatus.Running => "[yellow]running[/]",
                StepStatus.Failed => "[red]failed[/]",
                _ => "[green]done[/]",
            };
            var duration = row.Duration is { } elapsed ? ChangeSummaryFormatter.FormatDuration(elapsed) : "";
            table.AddRow(
                Markup.Escape($"{words.Symbol} {words.Verb}"),
                Markup.Escape(row.ResourceType),
                Markup.Escape(OperationVocabulary.ResourceName(row.Urn)),
                status,
                duration);
        }

        return table;
    }
}
