namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>Where things are in the drop bucket. Infra filters the notification on <see cref="IncomingPrefix"/> and
/// scopes the function's permissions with both prefixes.</summary>
public static class DropLayout
{
    /// <summary>Objects created under this prefix are ingested.</summary>
    public const string IncomingPrefix = "incoming/";

    /// <summary>Rejects of <c>incoming/x.csv</c> go to <c>rejects/incoming/x.csv.ndjson</c>; the notification does
    /// not cover this prefix, so a rejects file never triggers the function.</summary>
    public const string RejectsPrefix = RejectsFile.Prefix;
}
