namespace OrdersPipeline.Deployer.Operations;

/// <summary>Opens stack operations over one workspace (repository root + state backend). The Automation API adapter
/// implements it; tests stand in with Moq.</summary>
public interface IStackOperationsFactory
{
    IStackOperations Create(WorkspaceSettings settings);
}

/// <summary>Everything the commands ask of Pulumi, in Pulumi-free types. Failures surface as
/// <see cref="DeployerException"/> (or the program's own exception for inline-program errors).</summary>
public interface IStackOperations : IAsyncDisposable
{
    /// <summary>The stack's stored config (namespaced keys). Creates the stack when <paramref name="createIfMissing"/>;
    /// otherwise a missing stack is a <see cref="FailureKind.StackNotFound"/> failure.</summary>
    Task<IReadOnlyDictionary<string, StackConfigValue>> GetConfigAsync(
        string stackName, bool createIfMissing, CancellationToken cancellationToken);

    Task<ChangeSummary> PreviewAsync(
        StackUpdateRequest request, IOperationObserver observer, CancellationToken cancellationToken);

    Task<UpOutcome> UpAsync(StackUpdateRequest request, IOperationObserver observer, CancellationToken cancellationToken);

    Task<ChangeSummary> RefreshAsync(
        StackUpdateRequest request, IOperationObserver observer, CancellationToken cancellationToken);

    Task<ChangeSummary> DestroyAsync(
        StackUpdateRequest request, IOperationObserver observer, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(string stackName, CancellationToken cancellationToken);

    Task<IReadOnlyList<StackInfo>> ListStacksAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the stack's state; refused by the engine while the stack still holds resources. The stack's
    /// <c>Pulumi.&lt;stack&gt;.yaml</c> in the repository is kept.</summary>
    Task RemoveStackAsync(string stackName, CancellationToken cancellationToken);
}
