namespace OrdersPipeline.Infra.Definitions;

/// <summary>The tags every taggable resource carries, applied once through the provider's default tags.</summary>
public static class PipelineTags
{
    public const string EnvironmentKey = "Environment";
    public const string TeamKey = "Team";
    public const string ProjectKey = "Project";
    public const string ManagedByKey = "ManagedBy";
    public const string ManagedByValue = "pulumi";

    public static IReadOnlyDictionary<string, string> For(string environment, string team) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EnvironmentKey] = environment,
            [TeamKey] = team,
            [ProjectKey] = PipelineDefaults.Project,
            [ManagedByKey] = ManagedByValue,
        };
}
