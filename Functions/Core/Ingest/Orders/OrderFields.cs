namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>Names of the order fields the ingest path knows, and of the attributes it sets itself. A body may not
/// set the latter: they belong to the service.</summary>
public static class OrderFields
{
    public const string OrderId = "orderId";
    public const string CustomerId = "customerId";
    public const string Currency = "currency";
    public const string Items = "items";
    public const string Sku = "sku";
    public const string Quantity = "quantity";
    public const string UnitPrice = "unitPrice";

    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string Version = "version";

    /// <summary>SHA-256 of the validated order's canonical JSON: how a retry is told from a conflicting write.</summary>
    public const string ContentHash = "contentHash";

    /// <summary><c>http</c> or <c>file</c>.</summary>
    public const string IngestSource = "ingestSource";

    /// <summary>For file orders: <c>s3://bucket/key</c> of the object the order came in.</summary>
    public const string IngestObject = "ingestObject";

    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        CreatedAt, UpdatedAt, Version, ContentHash, IngestSource, IngestObject,
    };
}
