using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Processor;

/// <summary>DynamoDB's attribute types, named as their type tags.</summary>
public enum AttributeType
{
    S,
    N,
    B,
    BOOL,
    NULL,
    M,
    L,
    SS,
    NS,
    BS,
}

/// <summary>Which type an SDK <see cref="AttributeValue"/> holds: exactly one of its fields must be set.</summary>
internal static class AttributeTypes
{
    /// <summary>The value's type; an <see cref="AttributePathException"/> when it has none, or more than one.</summary>
    /// <remarks>
    /// A field counts as set when it is not null, as the SDK (v4, without <c>AWSConfigs.InitializeCollections</c>) and
    /// the Lambda package leave every field they did not read; an empty list or map is a set, empty value.
    /// </remarks>
    public static AttributeType Of(AttributeValue? value)
    {
        if (value is null)
        {
            throw new AttributePathException("an attribute value must be an object with one type tag.");
        }

        var count = 0;
        var type = AttributeType.S;
        Count(value.S is not null, AttributeType.S, ref type, ref count);
        Count(value.N is not null, AttributeType.N, ref type, ref count);
        Count(value.M is not null, AttributeType.M, ref type, ref count);
        Count(value.L is not null, AttributeType.L, ref type, ref count);
        Count(value.BOOL is not null, AttributeType.BOOL, ref type, ref count);
        Count(value.NULL is not null, AttributeType.NULL, ref type, ref count);
        Count(value.SS is not null, AttributeType.SS, ref type, ref count);
        Count(value.NS is not null, AttributeType.NS, ref type, ref count);
        Count(value.B is not null, AttributeType.B, ref type, ref count);
        Count(value.BS is not null, AttributeType.BS, ref type, ref count);
        return count switch
        {
            1 => type,
            0 => throw new AttributePathException(
                "an attribute value must have a type tag. None of S, N, B, BOOL, NULL, M, L, SS, NS or BS is set; " +
                "an unknown type tag reads as none."),
            _ => throw new AttributePathException("an attribute value must have exactly one type tag."),
        };
    }

    private static void Count(bool isSet, AttributeType candidate, ref AttributeType type, ref int count)
    {
        if (isSet)
        {
            type = candidate;
            count++;
        }
    }
}
