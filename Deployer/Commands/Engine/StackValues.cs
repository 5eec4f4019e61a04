using System.Text.Json.Nodes;

namespace OrdersPipeline.Deployer.Engine;

/// <summary>One config value of a stack, decrypted; <paramref name="IsSecret"/> says it must never be echoed.</summary>
public sealed record StackConfigValue(string Value, bool IsSecret);

/// <summary>One output of a stack as JSON (null for a null output); <paramref name="IsSecret"/> says it must never
/// be echoed.</summary>
public sealed record StackOutput(JsonNode? Value, bool IsSecret);

/// <summary>One stack in the state backend.</summary>
/// <param name="IsCurrent">The stack the backend has selected.</param>
/// <param name="LastUpdate">Null when the stack was never updated.</param>
/// <param name="ResourceCount">Null when the backend does not know it.</param>
public sealed record BackendStack(
    string Name, bool IsCurrent, DateTimeOffset? LastUpdate, bool IsUpdateInProgress, int? ResourceCount);

/// <summary>What <c>up</c> did: the count of resources per operation (null when the engine reported none) and the
/// stack's outputs afterwards.</summary>
public sealed record UpOutcome(
    IReadOnlyDictionary<ResourceOperation, int>? Changes, IReadOnlyDictionary<string, StackOutput> Outputs);
