using System.Runtime.InteropServices;
using System.Text.Json;
using Amazon.Lambda.DynamoDBEvents;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// A record's <c>dynamodb</c> section as <see cref="RawStreamRecordConverter"/> reads it: the package's
/// <see cref="DynamoDBEvent.StreamRecord"/> with its scalar fields set, and the key and images kept as the DynamoDB
/// JSON they arrived as (the package's dictionaries stay null). The creation time is also kept as the exact epoch
/// seconds sent, which a <see cref="DateTime"/> built through a double can be a tick off from.
/// </summary>
/// <remarks>
/// The images are UTF-8 slices of the event as received (<see cref="KeysUtf8"/>, <see cref="NewImageUtf8"/>,
/// <see cref="OldImageUtf8"/>): reading an event copies no image and builds no document per image. The
/// <see cref="JsonElement"/> properties parse a slice on demand.
/// </remarks>
public sealed class RawStreamRecord : DynamoDBEvent.StreamRecord
{
    // Depth is checked while converting (DynamoDbLimits.MaxNestingLevels), not when reading back.
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = int.MaxValue };

    private ReadOnlyMemory<byte>? _keys;
    private ReadOnlyMemory<byte>? _newImage;
    private ReadOnlyMemory<byte>? _oldImage;

    /// <summary><c>Keys</c> as the raw JSON value sent; null when absent or <c>null</c>.</summary>
    public ReadOnlyMemory<byte>? KeysUtf8
    {
        get => _keys;
        set => (_keys, ImagesAreValidUtf8) = (value, false);
    }

    /// <summary><c>NewImage</c> as the raw JSON value sent; null when absent or <c>null</c>.</summary>
    public ReadOnlyMemory<byte>? NewImageUtf8
    {
        get => _newImage;
        set => (_newImage, ImagesAreValidUtf8) = (value, false);
    }

    /// <summary><c>OldImage</c> as the raw JSON value sent; null when absent or <c>null</c>.</summary>
    public ReadOnlyMemory<byte>? OldImageUtf8
    {
        get => _oldImage;
        set => (_oldImage, ImagesAreValidUtf8) = (value, false);
    }

    /// <summary>
    /// True when the key and images are slices of an event whose UTF-8 was checked while reading it, so the hot path
    /// need not check it again; set after the images by the event readers, cleared by setting any image.
    /// </summary>
    internal bool ImagesAreValidUtf8 { get; set; }

    public JsonElement? RawKeys
    {
        get => Parse(KeysUtf8);
        set => KeysUtf8 = Raw(value);
    }

    public JsonElement? RawNewImage
    {
        get => Parse(NewImageUtf8);
        set => NewImageUtf8 = Raw(value);
    }

    public JsonElement? RawOldImage
    {
        get => Parse(OldImageUtf8);
        set => OldImageUtf8 = Raw(value);
    }

    public decimal? ApproximateCreationEpochSeconds { get; set; }

    private static JsonElement? Parse(ReadOnlyMemory<byte>? json)
    {
        if (json is not { } utf8)
        {
            return null;
        }
        using var document = JsonDocument.Parse(utf8, ReadOptions);
        return document.RootElement.Clone();
    }

    private static ReadOnlyMemory<byte>? Raw(JsonElement? element) =>
        element is { } value && value.ValueKind != JsonValueKind.Null
            ? JsonMarshal.GetRawUtf8Value(value).ToArray()
            : null;
}
