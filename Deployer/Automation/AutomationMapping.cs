using System.Text.Json;
using OrdersPipeline.Deployer.Engine;
using Pulumi.Automation;
using Pulumi.Automation.Events;

namespace OrdersPipeline.Deployer.Automation;

/// <summary>Pulumi.Automation's types to the workspace port's types and back, field for field.</summary>
internal static class AutomationMapping
{
    /// <summary>The port's messages are plain text.</summary>
    public const string NoColor = "never";

    public static ResourceOperation ToPort(OperationType operation) => operation switch
    {
        OperationType.Same => ResourceOperation.Same,
        OperationType.Create => ResourceOperation.Create,
        OperationType.Update => ResourceOperation.Update,
        OperationType.Delete => ResourceOperation.Delete,
        OperationType.Replace => ResourceOperation.Replace,
        OperationType.CreateReplacement => ResourceOperation.CreateReplacement,
        OperationType.DeleteReplaced => ResourceOperation.DeleteReplaced,
        OperationType.Read => ResourceOperation.Read,
        OperationType.ReadReplacement => ResourceOperation.ReadReplacement,
        OperationType.Refresh => ResourceOperation.Refresh,
        OperationType.ReadDiscard => ResourceOperation.ReadDiscard,
        OperationType.DiscardReplaced => ResourceOperation.DiscardReplaced,
        OperationType.RemovePendingReplace => ResourceOperation.RemovePendingReplace,
        OperationType.Import => ResourceOperation.Import,
        OperationType.ImportReplacement => ResourceOperation.ImportReplacement,
        _ => ResourceOperation.Unknown,
    };

    /// <summary>Counts per operation; null stays null. Counts of operations the port does not name add up under
    /// <see cref="ResourceOperation.Unknown"/>.</summary>
    public static IReadOnlyDictionary<ResourceOperation, int>? ToPort(IReadOnlyDictionary<OperationType, int>? changes)
    {
        if (changes is null)
        {
            return null;
        }

        var counts = new Dictionary<ResourceOperation, int>();
        foreach (var (operation, count) in changes)
        {
            var port = ToPort(operation);
            counts[port] = counts.GetValueOrDefault(port) + count;
        }

        return counts;
    }

    public static StackConfigValue ToPort(ConfigValue value) => new(value.Value, value.IsSecret);

    public static ConfigValue ToAutomation(StackConfigValue value) => new(value.Value, value.IsSecret);

    public static IReadOnlyDictionary<string, StackConfigValue> ToPort(
        IReadOnlyDictionary<string, ConfigValue> config) =>
        config.ToDictionary(pair => pair.Key, pair => ToPort(pair.Value), StringComparer.Ordinal);

    public static Dictionary<string, ConfigValue> ToAutomation(IReadOnlyDictionary<string, StackConfigValue> config) =>
        config.ToDictionary(pair => pair.Key, pair => ToAutomation(pair.Value), StringComparer.Ordinal);

    /// <summary>The output's value (whatever the engine's JSON deserialised to) as a JSON node.</summary>
    public static StackOutput ToPort(OutputValue output) =>
        new(JsonSerializer.SerializeToNode(output.Value), output.IsSecret);

    public static IReadOnlyDictionary<string, StackOutput> ToPort(IReadOnlyDictionary<string, OutputValue> outputs) =>
        outputs.ToDictionary(pair => pair.Key, pair => ToPort(pair.Value), StringComparer.Ordinal);

    public static BackendStack ToPort(StackSummary stack) =>
        new(stack.Name, stack.IsCurrent, stack.LastUpdate, stack.IsUpdateInProgress, stack.ResourceCount);

    public static ResourceStep ToPort(StepEventMetadata step) => new(ToPort(step.Op), step.Urn, step.Type);

    /// <summary>The port's event for a step or diagnostic event; null for the events the port has no use for
    /// (prelude, summary, stdout, policy, cancel).</summary>
    public static ProgressEvent? ToPort(EngineEvent engineEvent) => engineEvent switch
    {
        { ResourcePreEvent: { } pre } => new StepStarted(ToPort(pre.Metadata)),
        { ResourceOutputsEvent: { } outputs } => new StepFinished(ToPort(outputs.Metadata)),
        { ResourceOperationFailedEvent: { } failed } => new StepFailed(ToPort(failed.Metadata)),
        { DiagnosticEvent: { } diagnostic } => new EngineDiagnostic(
            diagnostic.Severity, diagnostic.Message, diagnostic.Urn, diagnostic.Ephemeral is true),
        _ => null,
    };

    /// <summary>Pulumi's options for an operation: the targets, progress as port events, plain text; the refresh
    /// flag is set by the caller, on the option types that have one.</summary>
    public static T ToAutomation<T>(OperationOptions options) where T : UpdateOptions, new() => new T
    {
        Target = options.Targets?.ToList(),
        OnEvent = engineEvent =>
        {
            if (ToPort(engineEvent) is { } progressEvent)
            {
                options.OnProgress(progressEvent);
            }
        },
        Color = NoColor,
    };

    /// <summary>Pulumi's refresh flag: set only when asked for, as the commands always did.</summary>
    public static bool? RefreshFlag(OperationOptions options) => options.RefreshFirst ? true : null;
}
