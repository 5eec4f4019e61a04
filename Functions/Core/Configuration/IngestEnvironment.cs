namespace OrdersPipeline.Functions.Configuration;

/// <summary>The HTTP ingest function's environment (docs/ingest.md).</summary>
public static class HttpIngestEnvironment
{
    public static readonly RequiredVariable OrdersTableName = new("ORDERS_TABLE_NAME");
}

/// <summary>The file ingest function's environment (docs/ingest.md).</summary>
public static class FileIngestEnvironment
{
    public static readonly RequiredVariable OrdersTableName = new("ORDERS_TABLE_NAME");
    public static readonly RequiredVariable IngestLogTableName = new("INGEST_LOG_TABLE_NAME");

    /// <summary>Largest object the function reads; a larger one is logged FAILED and nothing of it is written.</summary>
    public static readonly IntVariable MaxObjectMb = new("MAX_OBJECT_MB", Default: 100, Min: 1, Max: 1024);
}
