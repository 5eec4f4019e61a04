namespace OrdersPipeline.Infra.Definitions;

/// <summary>One typed key of the <c>orders-pipeline</c> config namespace. A null default means optional or required
/// (see the description); <c>environment</c> defaults to the stack name.</summary>
public sealed record ConfigKey(string Name, string Description, string? DefaultValue);
