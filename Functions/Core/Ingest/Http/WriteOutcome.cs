namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>What a conditional write of an order came to. <see cref="Version"/> is the version now stored (the
/// current one for a conflict; 0 when there is no order).</summary>
public sealed record WriteOutcome(WriteResult Result, long Version, string? CreatedAt = null, string? UpdatedAt = null);

public enum WriteResult
{
    /// <summary>201: a new order.</summary>
    Created,

    /// <summary>200: the stored order already has this body (a retry); nothing was written.</summary>
    Unchanged,

    /// <summary>200: an If-Match update replaced the order.</summary>
    Updated,

    /// <summary>409: the order exists with a different body, and the request had no If-Match.</summary>
    Conflict,

    /// <summary>412: If-Match named a version that is not the stored one, or there is no such order.</summary>
    VersionMismatch,
}
