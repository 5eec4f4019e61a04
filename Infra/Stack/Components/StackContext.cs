using OrdersPipeline.Infra.Definitions;
using Pulumi;

namespace OrdersPipeline.Infra.Components;

/// <summary>What every component reads: the validated config (names included), the explicit AWS provider that
/// carries the default tags, and the Functions deployment package.</summary>
public sealed record StackContext(StackConfig Config, ProviderResource Provider, Archive Code)
{
    public ResourceNames Names { get; } = Config.Names;
}
