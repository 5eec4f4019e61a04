namespace OrdersPipeline.Deployer.Engine;

/// <summary>The port through which the commands use the deployment engine, on one workspace, in the port's own types.
/// Failures are <see cref="EngineException"/>s (a stack that does not exist, unless the call creates it, is a
/// <see cref="StackMissingException"/>); the inline program's own exceptions come through as they are. The Deployer
/// executable implements it with the Pulumi Automation API; tests fake it.</summary>
public interface IStackWorkspace : IDisposable
{
    Task<IReadOnlyDictionary<string, StackConfigValue>> GetConfigAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken);

    /// <summary>Stores the values in <c>Pulumi.&lt;stack&gt;.yaml</c>, as <c>pulumi config set</c> does.</summary>
    Task SetConfigAsync(
        string stackName, IReadOnlyDictionary<string, StackConfigValue> config, CancellationToken cancellationToken);

    /// <summary>The count of resources per operation; null when the engine reported none.</summary>
    Task<IReadOnlyDictionary<ResourceOperation, int>?> PreviewAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken);

    Task<UpOutcome> UpAsync(string stackName, OperationOptions options, CancellationToken cancellationToken);

    /// <summary>The count of resources per operation; null when the engine reported none.</summary>
    Task<IReadOnlyDictionary<ResourceOperation, int>?> RefreshAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken);

    /// <summary>The count of resources per operation; null when the engine reported none.</summary>
    Task<IReadOnlyDictionary<ResourceOperation, int>?> DestroyAsync(
        string stackName, OperationOptions options, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(
        string stackName, CancellationToken cancellationToken);

    Task<IReadOnlyList<BackendStack>> ListStacksAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the stack's state (the engine refuses while it holds resources). The engine deletes
    /// <c>Pulumi.&lt;stack&gt;.yaml</c> too.</summary>
    Task RemoveStackAsync(string stackName, CancellationToken cancellationToken);
}
