using System.Buffers.Text;
using System.Text.Json;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Writes DynamoDB JSON attribute values as plain JSON (CONTRACTS.md §3): S→string, N→number with exactly the
/// digits sent, B→base64 string, BOOL, NULL, M→object, L→array, SS/NS/BS→arrays. Anything else is a
/// <see cref="RecordException"/> naming the attribute path.
/// </summary>
public static class AttributeValueJson
{
    /// <summary>Writes an attribute map (an image) as a JSON object.</summary>
    public static void WriteMap(Utf8JsonWriter writer, JsonElement map, string path)
    {
        if (map.ValueKind != JsonValueKind.Object)
            throw new RecordException($"{path} must be an object of attribute values.");
        writer.WriteStartObject();
        foreach (var attribute in map.EnumerateObject())
        {
            writer.WritePropertyName(attribute.Name);
            WriteValue(writer, attribute.Value, $"{path}.{attribute.Name}");
        }
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, JsonElement value, string path)
    {
        var (tag, content) = Untag(value, path);
        switch (tag)
        {
            case "S":
                writer.WriteStringValue(RequireString(content, tag, path));
                break;
            case "N":
                writer.WriteRawValue(RequireNumber(content, path), skipInputValidation: true);
                break;
            case "B":
                writer.WriteStringValue(RequireBase64(content, path));
                break;
            case "BOOL":
                if (content.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw new RecordException($"{path}: BOOL must be true or false.");
                writer.WriteBooleanValue(content.GetBoolean());
                break;
            case "NULL":
                if (content.ValueKind != JsonValueKind.True)
                    throw new RecordException($"{path}: NULL must be true.");
                writer.WriteNullValue();
                break;
            case "M":
                WriteMap(writer, content, path);
                break;
            case "L":
                WriteArray(writer, content, path, static (w, item, p) => WriteValue(w, item, p));
                break;
            case "SS":
                WriteArray(writer, content, path, static (w, item, p) => w.WriteStringValue(RequireString(item, "SS", p)));
                break;
            case "NS":
                WriteArray(writer, content, path,
                    static (w, item, p) => w.WriteRawValue(RequireNumber(item, p), skipInputValidation: true));
                break;
            case "BS":
                WriteArray(writer, content, path, static (w, item, p) => w.WriteStringValue(RequireBase64(item, p)));
                break;
            default:
                throw new RecordException($"{path}: unknown attribute type tag '{tag}'.");
        }
    }

    /// <summary>The key attribute's value as text: S as is, N as its decimal text, B as its base64 text.</summary>
    public static string ScalarText(JsonElement value, string path)
    {
        var (tag, content) = Untag(value, path);
        return tag switch
        {
            "S" => RequireString(content, tag, path),
            "N" => RequireNumber(content, path),
            "B" => RequireBase64(content, path),
            _ => throw new RecordException($"{path}: a key attribute must be of type S, N or B, not '{tag}'."),
        };
    }

    /// <summary>Splits <c>{"TAG": content}</c>; exactly one property is allowed.</summary>
    public static (string Tag, JsonElement Content) Untag(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new RecordException($"{path}: an attribute value must be an object with one type tag.");
        using var properties = value.EnumerateObject();
        if (!properties.MoveNext())
            throw new RecordException($"{path}: an attribute value must have a type tag.");
        var only = properties.Current;
        if (properties.MoveNext())
            throw new RecordException($"{path}: an attribute value must have exactly one type tag.");
        return (only.Name, only.Value);
    }

    private static void WriteArray(Utf8JsonWriter writer, JsonElement array, string path,
        Action<Utf8JsonWriter, JsonElement, string> writeItem)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new RecordException($"{path}: expected an array.");
        writer.WriteStartArray();
        var index = 0;
        foreach (var item in array.EnumerateArray())
            writeItem(writer, item, $"{path}[{index++}]");
        writer.WriteEndArray();
    }

    private static string RequireString(JsonElement content, string tag, string path) =>
        content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : throw new RecordException($"{path}: {tag} must be a string.");

    private static string RequireNumber(JsonElement content, string path)
    {
        if (content.ValueKind != JsonValueKind.String)
            throw new RecordException($"{path}: N must be a string holding a number.");
        var text = content.GetString()!;
        return JsonNumberSyntax.IsValid(text)
            ? text
            : throw new RecordException($"{path}: '{Truncate(text)}' is not a valid number.");
    }

    private static string RequireBase64(JsonElement content, string path)
    {
        if (content.ValueKind != JsonValueKind.String)
            throw new RecordException($"{path}: B must be a base64 string.");
        var text = content.GetString()!;
        return Base64.IsValid(text)
            ? text
            : throw new RecordException($"{path}: '{Truncate(text)}' is not valid base64.");
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
