namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>The limits one order obeys, whichever door it comes through (docs/ingest.md, "Validation").</summary>
public static class OrderLimits
{
    /// <summary>Largest HTTP body, and largest line or element of a dropped file.</summary>
    public const int MaxRecordBytes = 256 * 1024;

    public const int MaxOrderIdLength = 200;
    public const int MaxCustomerIdLength = 200;
    public const int MaxSkuLength = 200;
    public const int MaxItems = 1000;
    public const long MaxQuantity = 1_000_000;

    /// <summary>Money has at most this many digits before the point (DynamoDB keeps 38 significant digits).</summary>
    public const int MaxMoneyIntegerDigits = 18;

    public const int MaxMoneyFractionDigits = 2;

    /// <summary>Top-level fields an order may carry; an update names each of them in one update expression.</summary>
    public const int MaxTopLevelFields = 100;

    /// <summary>DynamoDB nests documents at most 32 levels deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>DynamoDB numbers carry at most 38 significant digits.</summary>
    public const int MaxNumberDigits = 38;
}
