using System.Reflection;
using Pulumi.Automation;
using Pulumi.Automation.Commands;
using Pulumi.Automation.Commands.Exceptions;
using Pulumi.Automation.Events;

namespace OrdersPipeline.Deployer.Automation.Tests.Support;

/// <summary>Pulumi.Automation's result, event and exception types, built as its own deserializer and command runner
/// build them: their constructors are internal, so they are called by reflection (signatures of the pinned
/// Pulumi.Automation version).</summary>
internal static class PulumiTypes
{
    public static OutputValue Output(object? value, bool isSecret = false) => New<OutputValue>(value, isSecret);

    public static StackSummary Stack(
        string name, bool isCurrent, DateTimeOffset? lastUpdate, bool isUpdateInProgress, int? resourceCount) =>
        New<StackSummary>(name, isCurrent, lastUpdate, isUpdateInProgress, resourceCount, null);

    public static EngineEvent Started(OperationType operation, string urn, string type) =>
        Event(pre: New<ResourcePreEvent>(Metadata(operation, urn, type), null));

    public static EngineEvent Finished(OperationType operation, string urn, string type) =>
        Event(outputs: New<ResourceOutputsEvent>(Metadata(operation, urn, type), null));

    public static EngineEvent Failed(OperationType operation, string urn, string type) =>
        Event(failed: New<ResourceOperationFailedEvent>(Metadata(operation, urn, type), 1, 1));

    public static EngineEvent Diagnostic(string severity, string message, string? urn = null, bool? ephemeral = null) =>
        Event(diagnostic: New<DiagnosticEvent>(urn, null, message, "never", severity, null, ephemeral));

    /// <summary>An event of a kind the port has no use for: the update's prelude.</summary>
    public static EngineEvent Prelude() =>
        Event(prelude: New<PreludeEvent>(new Dictionary<string, string>()));

    /// <summary>The exception a failed Pulumi command raises, of type <typeparamref name="T"/>.</summary>
    public static T Failure<T>(string stderr) where T : CommandException =>
        New<T>(new CommandResult(255, "Updating (dev)", stderr));

    private static StepEventMetadata Metadata(OperationType operation, string urn, string type) =>
        New<StepEventMetadata>(operation, urn, type, null, null, null, null, null, null, "");

    private static EngineEvent Event(
        DiagnosticEvent? diagnostic = null,
        PreludeEvent? prelude = null,
        ResourcePreEvent? pre = null,
        ResourceOutputsEvent? outputs = null,
        ResourceOperationFailedEvent? failed = null) =>
        New<EngineEvent>(0, 0, null, null, diagnostic, prelude, null, pre, outputs, failed, null);

    private static T New<T>(params object?[] arguments) =>
        (T)Activator.CreateInstance(
            typeof(T), BindingFlags.Instance | BindingFlags.NonPublic, binder: null, arguments, culture: null)!;
}
