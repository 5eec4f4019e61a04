using System.Text;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The README's config table, written from <see cref="ConfigSchema"/> so the two cannot drift (a test
/// compares them; on a mismatch it prints this table to paste).</summary>
public static class ConfigTable
{
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
