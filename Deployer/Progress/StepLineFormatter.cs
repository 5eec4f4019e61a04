using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Progress;

/// <summary>One line per finished step: symbol, operation, type, name, duration.</summary>
public static class StepLineFormatter
{
    public static string Format(StepRow row)
    {
        var words = OperationVocabulary.For(row.Operation);
        var verb = row.Status == StepStatus.Failed ? words.Verb + " FAILED" : words.Verb;
        var duration = row.Duration is { } elapsed ? ChangeSummaryFormatter.FormatDuration(elapsed) : "";
        return $"  {words.Symbol,-2} {verb,-18} {row.ResourceType,-45} {OperationVocabulary.ResourceName(row.Urn)} ({duration})";
    }

    public static string Format(EngineMessage message)
    {
        var prefix = message.Severity switch
        {
            MessageSeverity.Error => "error: ",
            MessageSeverity.Warning => "warning: ",
            _ => "",
        };
        var resource = message.Urn is null ? "" : $"[{OperationVocabulary.ResourceName(message.Urn)}] ";
        return prefix + resource + message.Text.TrimEnd();
    }
}
