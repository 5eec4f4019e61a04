namespace OrdersPipeline.Deployer.Engine;

/// <summary>How to run a preview, up, refresh or destroy.</summary>
/// <param name="Targets">The resource URNs to limit the operation to; null for every resource.</param>
/// <param name="RefreshFirst">Refresh the stack's state from the cloud before the operation.</param>
/// <param name="OnProgress">Called with each <see cref="ProgressEvent"/> as the engine reports it, on the engine's
/// event thread.</param>
public sealed record OperationOptions(
    IReadOnlyList<string>? Targets, bool RefreshFirst, Action<ProgressEvent> OnProgress);
