namespace OrdersPipeline.Deployer.Operations;

/// <summary>The engine's step kinds, mirrored without a Pulumi type.</summary>
public enum StepOperation
{
    Unknown,
    Same,
    Create,
    Update,
    Delete,
    Replace,
    CreateReplacement,
    DeleteReplaced,
    Read,
    ReadReplacement,
    Refresh,
    ReadDiscard,
    DiscardReplaced,
    RemovePendingReplace,
    Import,
    ImportReplacement,
}

public enum StepPhase
{
    Started,
    Finished,
    Failed,
}

/// <summary>A resource step starting, finishing or failing.</summary>
public sealed record StepEvent(StepPhase Phase, StepOperation Operation, string Urn, string ResourceType);

public enum MessageSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>A diagnostic from the engine, a provider or the program.</summary>
public sealed record EngineMessage(MessageSeverity Severity, string Text, string? Urn);

/// <summary>Receives engine events while an operation runs. Called from a background thread.</summary>
public interface IOperationObserver
{
    void OnStep(StepEvent step);

    void OnMessage(EngineMessage message);
}
