using System.Text.Json;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The top-level attribute names whose value differs between two images (added, removed or changed), in
/// ordinal order. Sets (SS/NS/BS) compare as sets: DynamoDB does not keep their element order.
/// </summary>
public static class AttributeDiff
{
    public static IReadOnlyList<string> ChangedAttributes(JsonElement newImage, JsonElement oldImage)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        var oldByName = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var attribute in oldImage.EnumerateObject()) oldByName[attribute.Name] = attribute.Value;

        foreach (var attribute in newImage.EnumerateObject())
        {
            if (!oldByName.Remove(attribute.Name, out var previous) || !SameValue(attribute.Value, previous))
                changed.Add(attribute.Name);
        }
        changed.UnionWith(oldByName.Keys);
        return [.. changed];
    }

    private static bool SameValue(JsonElement left, JsonElement right)
    {
        var (leftTag, leftContent) = AttributeValueJson.Untag(left, "value");
        var (rightTag, rightContent) = AttributeValueJson.Untag(right, "value");
        if (!string.Equals(leftTag, rightTag, StringComparison.Ordinal)) return false;

        return leftTag switch
        {
            "SS" or "NS" or "BS" => SameSet(leftContent, rightContent),
            "M" => SameMap(leftContent, rightContent),
            "L" => SameList(leftContent, rightContent),
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
                return false;
        }
        return count == rightByName.Count;
    }

    private static bool SameList(JsonElement left, JsonElement right)
    {
        if (left.GetArrayLength() != right.GetArrayLength()) return false;
        using var l = left.EnumerateArray();
        using var r = right.EnumerateArray();
        while (l.MoveNext() && r.MoveNext())
            if (!SameValue(l.Current, r.Current)) return false;
        return true;
    }
}
