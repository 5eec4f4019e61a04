namespace OrdersPipeline.Functions.Processor;

/// <summary>Where processed documents are stored.</summary>
public interface IProcessedObjectStore
{
    Task PutAsync(ProcessedDocument document, CancellationToken cancellationToken);
}
