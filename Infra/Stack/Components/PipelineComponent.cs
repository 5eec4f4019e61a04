using OrdersPipeline.Infra.Definitions;
using Pulumi;

namespace OrdersPipeline.Infra.Components;

/// <summary>Base of the pipeline's components: every child is parented to the component and uses the stack's
/// explicit AWS provider (which carries the default tags).</summary>
public abstract class PipelineComponent : ComponentResource
{
    protected PipelineComponent(string type, string name, StackContext context, ComponentResourceOptions? options)
        : base(type, name, options)
    {
        Context = context;
    }

    internal StackContext Context { get; }

    internal CustomResourceOptions ChildOptions(params Resource[] dependsOn) => ChildOptions(protect: false, dependsOn);

    internal CustomResourceOptions ChildOptions(bool protect, params Resource[] dependsOn)
    {
        var options = new CustomResourceOptions
        {
            Parent = this,
            Provider = Context.Provider,
            Protect = protect,
        };
        foreach (var dependency in dependsOn)
        {
            options.DependsOn.Add(dependency);
        }

        return options;
    }

    /// <summary>Options of an account-level child that <c>pulumi destroy</c> keeps: Pulumi forgets it and never calls
    /// the provider's delete (<see cref="AccountSingletons.RetainOnDelete"/>, docs/deploying.md).</summary>
    internal CustomResourceOptions KeptChildOptions(params Resource[] dependsOn)
    {
        var options = ChildOptions(dependsOn);
        options.RetainOnDelete = AccountSingletons.RetainOnDelete;
        return options;
    }
}
