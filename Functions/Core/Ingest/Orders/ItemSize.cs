using System.Text;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>
/// An item's size by DynamoDB's rules, as the processor counts it (<c>AttributeValueWriter</c>): names and strings by
/// their UTF-8 bytes, a number by one byte per two characters of its text plus one (an upper bound), BOOL and NULL
/// one byte, M and L three bytes plus one per element plus their elements. The item's own attributes cost their name
/// and value only.
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
            return (value.N.Length + 1) / 2 + 1;
        }

        if (value.M is not null)
        {
            long size = 3;
            foreach (var (name, element) in value.M)
            {
                size += Encoding.UTF8.GetByteCount(name) + Value(element) + 1;
            }

            return size;
        }

        if (value.L is not null)
        {
            long size = 3;
            foreach (var element in value.L)
            {
                size += 1 + Value(element);
            }

            return size;
        }

        return 1; // BOOL, NULL: the only other types an order holds
    }
}
