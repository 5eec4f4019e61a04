using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Demo;

/// <summary>Refuses the documents of chosen ids, as a bucket that denies them would: the demo's poison record.</summary>
internal sealed class RefusingStore(IProcessedObjectStore inner, Func<string, bool> refuses) : IProcessedObjectStore
{
    public Task PutAsync(ProcessedDocument document, CancellationToken cancellationToken) =>
        refuses(document.RecordId)
            ? Task.FromException(new InvalidOperationException($"Access Denied for {document.ObjectKey} (injected by the demo)"))
            : inner.PutAsync(document, cancellationToken);
}
