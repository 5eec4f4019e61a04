using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Processor;

/// <summary>Where processed documents are stored.</summary>
public interface IProcessedObjectStore
{
    /// <summary>Stores the document of <paramref name="change"/>, unless the store already holds that change or a
    /// newer one under the document's key.</summary>
    /// <param name="budget">The invocation's time budget: its token abandons calls at the margin, and a store that
    /// needs more than one call starts another only while <see cref="TimeBudget.CanStartWrite"/>.</param>
    /// <exception cref="Exception">Anything that leaves the change unstored: the record counts as failed.</exception>
    Task<PutResult> PutAsync(ProcessedDocument document, ChangeRecord change, TimeBudget budget);
}

/// <summary>How a put ended.</summary>
/// <param name="Written">True when this put stored the document; false when the key already held this change or a
/// newer one (<paramref name="StoredSequenceNumber"/>), so nothing was written.</param>
/// <param name="StoredSequenceNumber">The newer-or-same change found stored, when nothing was written.</param>
/// <param name="ConditionFailures">Conditional writes answered 412, 409 or 404 on the way (each followed by a
/// re-read or a retry).</param>
public readonly record struct PutResult(bool Written, string? StoredSequenceNumber = null, int ConditionFailures = 0)
{
    public static PutResult Stored { get; } = new(Written: true);

    public static PutResult AlreadyStored(string storedSequenceNumber, int conditionFailures) =>
        new(Written: false, storedSequenceNumber, conditionFailures);
}
