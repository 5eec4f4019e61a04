using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>The limits one order obeys, whichever door it comes through (docs/ingest.md, "Validation").</summary>
public static class OrderLimits
{
    /// <summary>Largest HTTP body, line or element of a dropped file, and CSV order (as the JSON it is built into).</summary>
    public const int MaxRecordBytes = 256 * 1024;

    /// <summary>Identifiers are counted in UTF-8 bytes, the unit of DynamoDB's key limit (2048 bytes for a hash key):
    /// 200 ASCII characters, 50 emoji. The gateway's model checks <c>maxLength</c> in characters, a looser
    /// pre-check.</summary>
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

    /// <summary>Room kept in DynamoDB's item for the attributes the service adds to an order (createdAt, updatedAt,
    /// version, contentHash, ingestSource, ingestObject): at most about 2.3 KB, with a 1024-byte key and
    /// version id in <c>ingestObject</c>.</summary>
    public const int ServiceAttributesReserveBytes = 4 * 1024;

    /// <summary>Largest order by DynamoDB's item-size rules (<see cref="ItemSize"/>), so that the stored item,
    /// with the service's attributes, stays within <see cref="DynamoDbLimits.MaxItemBytes"/>.</summary>
    public const int MaxOrderItemBytes = DynamoDbLimits.MaxItemBytes - ServiceAttributesReserveBytes;
}
