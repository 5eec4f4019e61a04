using System.Text;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The config table of <see cref="DocumentPath"/>, written from <see cref="ConfigSchema"/> so the two cannot
/// drift (a test compares them; on a mismatch it prints this table to paste between the markers).</summary>
public static class ConfigTable
{
    /// <summary>The page holding the table, relative to the repository root.</summary>
    public const string DocumentPath = "docs/config.md";

    public const string StartMarker = "<!-- config-table:start (generated from Infra/Definitions/ConfigSchema.cs) -->";
    public const string EndMarker = "<!-- config-table:end -->";

    public static string Markdown()
    {
        var table = new StringBuilder()
            .AppendLine($"| key (`{ConfigSchema.Namespace}:`) | default | allowed | what it does |")
            .AppendLine("|---|---|---|---|");
        foreach (var key in ConfigSchema.Keys)
        {
            table.AppendLine($"| `{key.Name}` | {key.DefaultText} | {key.Allowed} | {key.Description} |");
        }

        return table.ToString();
    }
}
