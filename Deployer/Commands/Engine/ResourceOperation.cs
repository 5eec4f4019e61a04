namespace OrdersPipeline.Deployer.Engine;

/// <summary>What the engine does to one resource, by the engine's own names. Declared in the engine's order, which
/// the change summary follows.</summary>
public enum ResourceOperation
{
    Unknown = -1,
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
