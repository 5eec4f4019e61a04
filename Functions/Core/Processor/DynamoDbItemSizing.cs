namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// DynamoDB's item-size rules (Developer Guide, "Item sizes and formats"), in one place for the two that count by
/// them: the processor's document writer (<see cref="AttributeValueWriter"/>, as it writes) and the doors' check of an
/// order before it is stored (<c>Ingest.Orders.ItemSize</c>). Names, strings and binary count their bytes.
/// </summary>
public static class DynamoDbItemSizing
{
    /// <summary>An M or an L costs three bytes besides its elements.</summary>
    public const int ContainerBytes = 3;

    /// <summary>Each element of an M or an L costs one byte more (the item's own attributes do not).</summary>
    public const int ElementBytes = 1;

    /// <summary>A BOOL or a NULL is one byte.</summary>
    public const int BooleanOrNullBytes = 1;

    /// <summary>A number: about one byte per two digits plus one, an upper bound taken from its text.</summary>
    public static int NumberBytes(int textLength) => (textLength + 1) / 2 + 1;
}
