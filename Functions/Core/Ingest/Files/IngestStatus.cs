namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>The <c>status</c> of an ingest-log item.</summary>
public static class IngestStatus
{
    /// <summary>An invocation holds the object (its <c>requestId</c>, until <c>leaseUntil</c>).</summary>
    public const string Processing = "PROCESSING";

    public const string Completed = "COMPLETED";
    public const string CompletedWithRejects = "COMPLETED_WITH_REJECTS";
    public const string Failed = "FAILED";
}
