namespace OrdersPipeline.Infra.Definitions;

/// <summary>An Allow statement of a role policy: named actions on named ARNs, never a wildcard action.</summary>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources);
