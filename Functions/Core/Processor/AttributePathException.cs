namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// A failure deep in an attribute value; each level on the way out prepends its part of the path, and the image's
/// writer turns it into the record's <see cref="RecordException"/> (e.g. <c>NewImage.items[0].price: ...</c>).
/// </summary>
internal sealed class AttributePathException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;

    public string Path { get; private set; } = "";

    public AttributePathException Under(string segment)
    {
        Path = segment + Path;
        return this;
    }

    /// <summary>An attribute name as a path segment, cut to 64 characters.</summary>
    public static string Segment(string name) => "." + Truncate(name);

    public static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
