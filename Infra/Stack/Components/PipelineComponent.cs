using Pulumi;

namespace OrdersPipeline.Infra.Components;

/// <summary>Base of the pipeline's components: every child is parented to the component and uses the stack's
/// explicit AWS provider (which carries the default tags).</summary>
public abstract class PipelineComponent : ComponentResource
{
    private readonly ProviderResource _provider;

    protected PipelineComponent(string type, string name, ProviderResource provider, ComponentResourceOptions? options)
        : base(type, name, options)
    {
        _provider = provider;
    }

    internal CustomResourceOptions ChildOptions(params Resource[] dependsOn) => ChildOptions(protect: false, dependsOn);

    internal CustomResourceOptions ChildOptions(bool protect, params Resource[] dependsOn)
    {
        var options = new CustomResourceOptions
        {
            Parent = this,
            Provider = _provider,
            Protect = protect,
        };
        foreach (var dependency in dependsOn)
        {
            options.DependsOn.Add(dependency);
        }

        return options;
    }
}
