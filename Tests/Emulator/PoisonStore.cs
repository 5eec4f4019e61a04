using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Emulator;

/// <summary>
/// The harness's one way to inject a poison record: a store in front of the real one that refuses the documents of
/// chosen record ids, as a bucket that denies them would. Every write of such a record fails, so the stream mapping
/// retries it and finally sends it to the DLQ.
/// </summary>
public sealed class PoisonStore(IProcessedObjectStore inner, Func<string, bool> isPoison) : IProcessedObjectStore
{
    public Task<PutResult> PutAsync(ProcessedDocument document, ChangeRecord change, TimeBudget budget) =>
        isPoison(document.RecordId)
            ? Task.FromException<PutResult>(
                new InvalidOperationException($"Access Denied for {document.ObjectKey} (injected poison record)"))
            : inner.PutAsync(document, change, budget);
}
