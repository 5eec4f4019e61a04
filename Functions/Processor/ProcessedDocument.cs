namespace OrdersPipeline.Functions.Processor;

/// <summary>An enriched document ready to store: its object key, the record id and the UTF-8 JSON body.</summary>
public sealed record ProcessedDocument(string ObjectKey, string RecordId, byte[] Body);
