namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// DynamoDB's documented limits on items (Developer Guide, "Quotas in Amazon DynamoDB": items, attributes, data
/// types). Every item DynamoDB accepts is processed; a record past one of these cannot come from DynamoDB and fails
/// alone with an error naming the limit.
/// </summary>
public static class DynamoDbLimits
{
    /// <summary>Maximum item size, attribute names and values included, by DynamoDB's sizing rules: 400 KB.</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>Nested attributes (M and L) go at most 32 levels deep.</summary>
    public const int MaxNestingLevels = 32;

    /// <summary>Non-key attribute names are at least 1 byte and less than 64 KB of UTF-8.</summary>
    public const int MaxAttributeNameBytes = 64 * 1024 - 1;

    /// <summary>A number holds at most 38 significant digits.</summary>
    public const int MaxNumberDigits = 38;

    /// <summary>The smallest non-zero magnitude is 1E-130.</summary>
    public const int MinNumberExponent = -130;

    /// <summary>The largest magnitude is 9.9999999999999999999999999999999999999E+125.</summary>
    public const int MaxNumberExponent = 125;

    /// <summary>
    /// JSON nesting of a stream event around an image: the event object, <c>Records</c>, the record, <c>dynamodb</c>,
    /// and the image object itself.
    /// </summary>
    public const int EventEnvelopeDepth = 5;

    /// <summary>
    /// The JSON reader's maximum depth for stream events. In DynamoDB JSON each M or L level is two JSON levels (the
    /// <c>{"M": ...}</c> value object and its map or list), and the innermost value is one more, so an item at the
    /// 32-level limit reaches <c>5 + 2 × 32 + 1 = 70</c>, past the reader's default of 64. The reader allows twice
    /// DynamoDB's nesting so that a record just past the limit is still read and then fails alone, naming the
    /// limit; anything deeper cannot come from DynamoDB and fails the event as malformed JSON.
    /// </summary>
    public const int EventReaderMaxDepth = EventEnvelopeDepth + 2 * (2 * MaxNestingLevels) + 1;
}
