using static OrdersPipeline.Functions.Processor.AttributeValueJson;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// A top-level attribute of an image as <see cref="ImageConverter"/> found it: where its (unescaped) name and its raw
/// <c>{"TAG": content}</c> value lie in the image, its type tag, and for a scalar (S, N, B, BOOL, NULL) where its
/// content lies without quotes and whether that holds an escape. The diff compares scalars from these alone.
/// </summary>
internal readonly record struct ImageAttribute(
    int NameStart, int NameLength, int ValueStart, int ValueLength, Tag Tag, int ContentStart, int ContentLength,
    bool ContentEscaped)
{
    public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> image) => image.Slice(NameStart, NameLength);

    public ReadOnlyMemory<byte> Value(ReadOnlyMemory<byte> image) => image.Slice(ValueStart, ValueLength);

    public ReadOnlySpan<byte> Content(ReadOnlySpan<byte> image) => image.Slice(ContentStart, ContentLength);

    public bool IsScalar => Tag is Tag.S or Tag.N or Tag.B or Tag.Bool or Tag.Null;
}
