using System.Globalization;
using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Progress;

/// <summary>"3 to create, 1 to update, 40 unchanged" for a preview; "3 created, 40 unchanged" after a change.</summary>
public static class ChangeSummaryFormatter
{
    public static string Format(ChangeSummary summary, bool planned)
    {
        var parts = OperationVocabulary.SummaryOrder
            .Where(operation => summary[operation] > 0)
            .Select(operation =>
            {
                var words = OperationVocabulary.For(operation);
                return summary[operation].ToString(CultureInfo.InvariantCulture) + " "
                       + (planned ? words.Planned : words.Done);
            })
            .ToArray();

        return parts.Length == 0 ? "no resources" : string.Join(", ", parts);
    }

    public static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds < 60
            ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
            : $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s";
}
