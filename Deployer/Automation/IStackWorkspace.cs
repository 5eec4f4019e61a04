using Pulumi.Automation;

namespace OrdersPipeline.Deployer.Automation;

/// <summary>The Automation API calls the commands make, on one workspace, in Pulumi's own types; failures are Pulumi's
/// own exceptions (a stack that does not exist, unless the call creates it, is a StackNotFoundException).
/// <see cref="AutomationWorkspace"/> implements it over a <see cref="LocalWorkspace"/>; tests fake it.</summary>
public interface IStackWorkspace : IDisposable
{
    Task<IReadOnlyDictionary<string, ConfigValue>> GetConfigAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken);

    /// <summary>Stores the values in <c>Pulumi.&lt;stack&gt;.yaml</c>, as <c>pulumi config set</c> does.</summary>
    Task SetConfigAsync(string stackName, IDictionary<string, ConfigValue> config, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<OperationType, int>?> PreviewAsync(
        string stackName, PreviewOptions options, CancellationToken cancellationToken);

    Task<(IReadOnlyDictionary<OperationType, int>? Changes, IReadOnlyDictionary<string, OutputValue> Outputs)> UpAsync(
        string stackName, UpOptions options, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<OperationType, int>?> RefreshAsync(
        string stackName, RefreshOptions options, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<OperationType, int>?> DestroyAsync(
        string stackName, DestroyOptions options, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, OutputValue>> GetOutputsAsync(
        string stackName, CancellationToken cancellationToken);

    Task<IReadOnlyList<StackSummary>> ListStacksAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the stack's state (the engine refuses while it holds resources); keeps
    /// <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    Task RemoveStackAsync(string stackName, CancellationToken cancellationToken);
}
