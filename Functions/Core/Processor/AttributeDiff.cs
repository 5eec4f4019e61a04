using System.Runtime.InteropServices;
using System.Text.Json;
using static OrdersPipeline.Functions.Processor.AttributeValueJson;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The top-level attribute names whose value differs between two images (added, removed or changed), in
/// ordinal order. Sets (SS/NS/BS) compare as sets: DynamoDB does not keep their element order.
/// </summary>
public static class AttributeDiff
{
    public static IReadOnlyList<string> ChangedAttributes(JsonElement newImage, JsonElement oldImage)
    {
        var changed = new List<string>();
        var oldByName = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var attribute in oldImage.EnumerateObject())
        {
            oldByName[attribute.Name] = attribute.Value;
        }

        foreach (var attribute in newImage.EnumerateObject())
        {
            if (!oldByName.Remove(attribute.Name, out var previous) || !SameValue(attribute.Value, previous))
            {
                changed.Add(attribute.Name);
            }
        }
        changed.AddRange(oldByName.Keys);
        changed.Sort(StringComparer.Ordinal);
        return changed;
    }

    internal static bool SameValue(JsonElement left, JsonElement right)
    {
        // Most unchanged attributes are byte-identical; only the rest need the type-aware comparison.
        if (JsonMarshal.GetRawUtf8Value(left).SequenceEqual(JsonMarshal.GetRawUtf8Value(right)))
        {
            return true;
        }

        var (leftTag, leftContent) = Untag(left);
        var (rightTag, rightContent) = Untag(right);
        if (leftTag != rightTag)
        {
            return false;
        }

        return leftTag switch
        {
            Tag.SS or Tag.NS or Tag.BS => SameSet(leftContent, rightContent),
            Tag.M => SameMap(leftContent, rightContent),
            Tag.L => SameList(leftContent, rightContent),
            _ => JsonElement.DeepEquals(leftContent, rightContent),
        };
    }

    private static bool SameSet(JsonElement left, JsonElement right)
    {
        var leftSet = left.EnumerateArray().Select(e => e.GetRawText()).ToHashSet(StringComparer.Ordinal);
        var rightItems = right.EnumerateArray().Select(e => e.GetRawText()).ToList();
        return leftSet.Count == rightItems.Count && rightItems.All(leftSet.Contains);
    }

    private static bool SameMap(JsonElement left, JsonElement right)
    {
        var rightByName = right.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var count = 0;
        foreach (var attribute in left.EnumerateObject())
        {
            count++;
            if (!rightByName.TryGetValue(attribute.Name, out var other) || !SameValue(attribute.Value, other))
            {
                return false;
            }
        }
        return count == rightByName.Count;
    }

    private static bool SameList(JsonElement left, JsonElement right)
    {
        if (left.GetArrayLength() != right.GetArrayLength())
        {
            return false;
        }

        using var l = left.EnumerateArray();
        using var r = right.EnumerateArray();
        while (l.MoveNext() && r.MoveNext())
        {
            if (!SameValue(l.Current, r.Current))
            {
                return false;
            }
        }

        return true;
    }
}
