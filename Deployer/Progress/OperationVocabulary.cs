using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Progress;

/// <summary>How each step kind is written: a symbol, the verb, and its past and planned forms for summaries.</summary>
public sealed record OperationWords(string Symbol, string Verb, string Done, string Planned);

public static class OperationVocabulary
{
    /// <summary>Summary order: changes first, unchanged last.</summary>
    public static IReadOnlyList<StepOperation> SummaryOrder { get; } =
    [
        StepOperation.Create, StepOperation.Update, StepOperation.Replace, StepOperation.CreateReplacement,
        StepOperation.DeleteReplaced, StepOperation.Delete, StepOperation.Import, StepOperation.ImportReplacement,
        StepOperation.Read, StepOperation.ReadReplacement, StepOperation.Refresh, StepOperation.ReadDiscard,
        StepOperation.DiscardReplaced, StepOperation.RemovePendingReplace, StepOperation.Unknown, StepOperation.Same,
    ];

    public static OperationWords For(StepOperation operation) => operation switch
    {
        StepOperation.Same => new(" ", "same", "unchanged", "unchanged"),
        StepOperation.Create => new("+", "create", "created", "to create"),
        StepOperation.Update => new("~", "update", "updated", "to update"),
        StepOperation.Delete => new("-", "delete", "deleted", "to delete"),
        StepOperation.Replace => new("+-", "replace", "replaced", "to replace"),
        StepOperation.CreateReplacement => new("++", "create-replacement", "created as replacements",
            "to create as replacements"),
        StepOperation.DeleteReplaced => new("--", "delete-replaced", "replaced and deleted",
            "to delete after replacement"),
        StepOperation.Read => new(">", "read", "read", "to read"),
        StepOperation.ReadReplacement => new(">>", "read-replacement", "re-read", "to re-read"),
        StepOperation.Refresh => new("~", "refresh", "refreshed", "to refresh"),
        StepOperation.ReadDiscard => new("<", "read-discard", "discarded", "to discard"),
        StepOperation.DiscardReplaced => new("<<", "discard-replaced", "discarded", "to discard"),
        StepOperation.RemovePendingReplace => new("-", "remove-pending-replace", "pending replacements removed",
            "pending replacements to remove"),
        StepOperation.Import => new("=", "import", "imported", "to import"),
        StepOperation.ImportReplacement => new("=>", "import-replacement", "imported as replacements",
            "to import as replacements"),
        _ => new("?", "other", "other", "other"),
    };

    /// <summary>The resource's name: the last <c>::</c> segment of its URN.</summary>
    public static string ResourceName(string urn)
    {
        var separator = urn.LastIndexOf("::", StringComparison.Ordinal);
        return separator < 0 ? urn : urn[(separator + 2)..];
    }
}
