using System.Runtime.InteropServices;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The top-level attribute names whose value differs between two images (added, removed or changed), in ordinal
/// order. Values compare by type and content: numbers by their text (<c>1.50</c> is not <c>1.5</c>), maps without
/// regard to key order, lists in order, and sets (SS/NS/BS) as sets, since DynamoDB does not keep their element order.
/// </summary>
/// <remarks>Both images have been written (so checked) before they are compared.</remarks>
public static class AttributeDiff
{
    public static IReadOnlyList<string> ChangedAttributes(
        Dictionary<string, AttributeValue> newImage, Dictionary<string, AttributeValue> oldImage)
    {
        var changed = new List<string>();
        foreach (var (name, value) in newImage)
        {
            if (!oldImage.TryGetValue(name, out var previous) || !SameValue(value, previous))
            {
                changed.Add(name);
            }
        }
        foreach (var name in oldImage.Keys)
        {
            if (!newImage.ContainsKey(name))
            {
                changed.Add(name);
            }
        }
        changed.Sort(StringComparer.Ordinal);
        return changed;
    }

    internal static bool SameValue(AttributeValue left, AttributeValue right)
    {
        var type = AttributeTypes.Of(left);
        if (type != AttributeTypes.Of(right))
        {
            return false;
        }

        return type switch
        {
            AttributeType.S => string.Equals(left.S, right.S, StringComparison.Ordinal),
            AttributeType.N => string.Equals(left.N, right.N, StringComparison.Ordinal),
            AttributeType.B => SameBytes(left.B, right.B),
            AttributeType.BOOL => left.BOOL == right.BOOL,
            AttributeType.NULL => true,
            AttributeType.M => SameMap(left.M, right.M),
            AttributeType.L => SameList(left.L, right.L),
            AttributeType.SS => SameSet(left.SS, right.SS),
            AttributeType.NS => SameSet(left.NS, right.NS),
            _ => SameSet(Base64(left.BS), Base64(right.BS)),
        };
    }

    private static bool SameBytes(MemoryStream left, MemoryStream right) =>
        AttributeValueWriter.Bytes(left).SequenceEqual(AttributeValueWriter.Bytes(right));

    private static bool SameMap(Dictionary<string, AttributeValue> left, Dictionary<string, AttributeValue> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }
        foreach (var (name, value) in left)
        {
            if (!right.TryGetValue(name, out var other) || !SameValue(value, other))
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameList(List<AttributeValue> left, List<AttributeValue> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }
        for (var i = 0; i < left.Count; i++)
        {
            if (!SameValue(left[i], right[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Equal as sets: the same elements in the same order, or as many distinct elements on the left as there are
    /// elements on the right, each of them on the left.
    /// </summary>
    private static bool SameSet(List<string> left, List<string> right)
    {
        // Most unchanged sets come back in the same order; only the rest need a set.
        if (CollectionsMarshal.AsSpan(left).SequenceEqual(CollectionsMarshal.AsSpan(right)))
        {
            return true;
        }
        var leftSet = new HashSet<string>(left, StringComparer.Ordinal);
        if (leftSet.Count != right.Count)
        {
            return false;
        }
        foreach (var item in right)
        {
            if (!leftSet.Contains(item))
            {
                return false;
            }
        }
        return true;
    }

    private static List<string> Base64(List<MemoryStream> items)
    {
        var texts = new List<string>(items.Count);
        foreach (var item in items)
        {
            texts.Add(Convert.ToBase64String(AttributeValueWriter.Bytes(item)));
        }
        return texts;
    }
}
