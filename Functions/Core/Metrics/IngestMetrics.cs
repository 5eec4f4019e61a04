namespace OrdersPipeline.Functions.Metrics;

/// <summary>The file ingest function's metrics, one Embedded Metric Format line per object, with the dimensions of
/// <see cref="EmbeddedMetrics"/> (Environment, Function). Infra's FAILED-files alarm reads
/// <see cref="FilesFailed"/>.</summary>
public static class IngestMetrics
{
    /// <summary>1 when the object's ingest-log item was written FAILED, else 0.</summary>
    public const string FilesFailed = "IngestFilesFailed";

    public const string OrdersWritten = "IngestOrdersWritten";
    public const string OrdersRejected = "IngestOrdersRejected";
    public const string FileDuration = "IngestFileDuration";
}
