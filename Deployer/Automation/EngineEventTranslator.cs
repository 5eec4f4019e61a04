using System.Text.RegularExpressions;
using OrdersPipeline.Deployer.Operations;
using Pulumi.Automation;
using Pulumi.Automation.Events;

namespace OrdersPipeline.Deployer.Automation;

/// <summary>Turns the engine's events into the command layer's Pulumi-free step events and messages.</summary>
internal sealed partial class EngineEventTranslator(IOperationObserver observer)
{
    public void OnEvent(EngineEvent engineEvent)
    {
        if (engineEvent.ResourcePreEvent is { } pre)
        {
            Step(StepPhase.Started, pre.Metadata);
        }
        else if (engineEvent.ResourceOutputsEvent is { } outputs)
        {
            Step(StepPhase.Finished, outputs.Metadata);
        }
        else if (engineEvent.ResourceOperationFailedEvent is { } failed)
        {
            Step(StepPhase.Failed, failed.Metadata);
        }
        else if (engineEvent.DiagnosticEvent is { } diagnostic)
        {
            Diagnostic(diagnostic);
        }
    }

    public static StepOperation Map(OperationType operation) => operation switch
    {
        OperationType.Same => StepOperation.Same,
        OperationType.Create => StepOperation.Create,
        OperationType.Update => StepOperation.Update,
        OperationType.Delete => StepOperation.Delete,
        OperationType.Replace => StepOperation.Replace,
        OperationType.CreateReplacement => StepOperation.CreateReplacement,
        OperationType.DeleteReplaced => StepOperation.DeleteReplaced,
        OperationType.Read => StepOperation.Read,
        OperationType.ReadReplacement => StepOperation.ReadReplacement,
        OperationType.Refresh => StepOperation.Refresh,
        OperationType.ReadDiscard => StepOperation.ReadDiscard,
        OperationType.DiscardReplaced => StepOperation.DiscardReplaced,
        OperationType.RemovePendingReplace => StepOperation.RemovePendingReplace,
        OperationType.Import => StepOperation.Import,
        OperationType.ImportReplacement => StepOperation.ImportReplacement,
        _ => StepOperation.Unknown,
    };

    public static ChangeSummary Summarize(IEnumerable<KeyValuePair<OperationType, int>>? changes)
    {
        var counts = new Dictionary<StepOperation, int>();
        foreach (var (operation, count) in changes ?? [])
        {
            var mapped = Map(operation);
            counts[mapped] = counts.GetValueOrDefault(mapped) + count;
        }

        return new ChangeSummary(counts);
    }

    private void Step(StepPhase phase, StepEventMetadata metadata) =>
        observer.OnStep(new StepEvent(phase, Map(metadata.Op), metadata.Urn, metadata.Type));

    private void Diagnostic(DiagnosticEvent diagnostic)
    {
        if (diagnostic.Ephemeral == true)
        {
            return;
        }

        MessageSeverity? severity = diagnostic.Severity switch
        {
            "error" => MessageSeverity.Error,
            "warning" => MessageSeverity.Warning,
            "info" or "info#err" => MessageSeverity.Info,
            _ => null, // debug
        };
        if (severity is null)
        {
            return;
        }

        var text = ColorTags().Replace(diagnostic.Message, "").Trim();
        if (text.Length > 0)
        {
            observer.OnMessage(new EngineMessage(severity.Value, text, diagnostic.Urn));
        }
    }

    /// <summary>Pulumi's colour directives, e.g. <c>&lt;{%reset%}&gt;</c>.</summary>
    [GeneratedRegex(@"<\{%[^%]*%\}>")]
    private static partial Regex ColorTags();
}
