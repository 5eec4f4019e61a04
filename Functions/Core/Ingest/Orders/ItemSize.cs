using System.Text;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>
/// An item's size by DynamoDB's rules (<see cref="DynamoDbItemSizing"/>), as the processor counts it: names and
/// strings by their UTF-8 bytes, numbers, BOOL, NULL, M and L by the shared rules. The item's own attributes cost
/// their name and value only.
/// </summary>
public static class ItemSize
{
    public static long Of(Dictionary<string, AttributeValue> item)
    {
        long size = 0;
        foreach (var (name, value) in item)
        {
            size += Encoding.UTF8.GetByteCount(name) + Value(value);
        }

        return size;
    }

    private static long Value(AttributeValue value)
    {
        if (value.S is not null)
        {
            return Encoding.UTF8.GetByteCount(value.S);
        }

        if (value.N is not null)
        {
            return DynamoDbItemSizing.NumberBytes(value.N.Length);
        }

        if (value.M is not null)
        {
            long size = DynamoDbItemSizing.ContainerBytes;
            foreach (var (name, element) in value.M)
            {
                size += Encoding.UTF8.GetByteCount(name) + Value(element) + DynamoDbItemSizing.ElementBytes;
            }

            return size;
        }

        if (value.L is not null)
        {
            long size = DynamoDbItemSizing.ContainerBytes;
            foreach (var element in value.L)
            {
                size += DynamoDbItemSizing.ElementBytes + Value(element);
            }

            return size;
        }

        return DynamoDbItemSizing.BooleanOrNullBytes; // the only other types an order holds
    }
}
