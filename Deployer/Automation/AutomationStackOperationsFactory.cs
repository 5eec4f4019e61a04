using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Automation;

/// <summary>Opens <see cref="AutomationStackOperations"/> over a workspace rooted at the repository.</summary>
public sealed class AutomationStackOperationsFactory : IStackOperationsFactory
{
    public IStackOperations Create(WorkspaceSettings settings) => new AutomationStackOperations(settings);
}
