namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>The file formats, chosen by the key's extension (any case).</summary>
public static class FileFormats
{
    public const string Ndjson = "ndjson";
    public const string JsonArray = "json-array";
    public const string Csv = "csv";

    /// <summary>The format and its reader, or null for an extension this door does not read.</summary>
    public static (string Format, IOrderFileReader Reader)? For(string key) =>
        Path.GetExtension(key).ToLowerInvariant() switch
        {
            ".ndjson" or ".jsonl" => (Ndjson, new NdjsonReader()),
            ".json" => (JsonArray, new JsonArrayReader()),
            ".csv" => (Csv, new CsvReader()),
            _ => null,
        };
}
