using System.Text.Json;
using Amazon.S3;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Emulator;

/// <summary>
/// Where every order sent through the doors went: each accepted order (an HTTP 201/200, or a file order the ingest
/// log counts as written) must have a stream change that reached S3 or was audited (<see cref="Reconciliation"/>);
/// each rejected one must be a 400 or a line of its file's rejects file. The demo prints it; a test asserts it.
/// </summary>
public sealed record IngestReconciliation(
    IReadOnlyList<string> Accepted,
    IReadOnlyList<string> InS3,
    IReadOnlyList<string> Audited,
    IReadOnlyList<string> Lost,
    int RejectedByHttp,
    int RejectsExpected,
    int RejectsInFiles)
{
    public bool Complete => Lost.Count == 0 && RejectsInFiles == RejectsExpected;

    public string Summary =>
        $"{Accepted.Count} orders accepted at the doors, {InS3.Count} in S3, {Audited.Count} audited, {Lost.Count} lost; " +
        $"{RejectedByHttp} refused with 400, {RejectsInFiles} of {RejectsExpected} file rejects in rejects files.";

    /// <param name="accepted">Order ids the doors accepted.</param>
    /// <param name="rejectedByHttp">Requests answered 400.</param>
    /// <param name="files">Each dropped file's key and the number of rejects its ingest-log item counts.</param>
    public static async Task<IngestReconciliation> ReadAsync(IAmazonS3 s3, string dropBucket, Reconciliation pipeline,
        IReadOnlyCollection<string> accepted, int rejectedByHttp, IReadOnlyList<(string Key, int Rejected)> files)
    {
        var changesById = pipeline.Records
            .Where(Reconciliation.KeptByFilter)
            .GroupBy(record => KeyOf(record.LambdaRecord.ToJsonString()))
            .ToDictionary(group => group.Key, group => group.Select(record => record.SequenceNumber).ToList(), StringComparer.Ordinal);

        var inS3 = new List<string>();
        var audited = new List<string>();
        var lost = new List<string>();
        foreach (var id in accepted)
        {
            var changes = changesById.GetValueOrDefault(id) ?? [];
            if (changes.Count > 0 && changes.All(pipeline.Written.Contains))
            {
                inS3.Add(id);
            }
            else if (changes.Count > 0 && changes.All(s => pipeline.Written.Contains(s) || pipeline.Audited.Contains(s)))
            {
                audited.Add(id);
            }
            else
            {
                lost.Add(id);
            }
        }

        var rejects = 0;
        foreach (var (key, expected) in files)
        {
            if (expected == 0)
            {
                continue;
            }

            using var response = await s3.GetObjectAsync(dropBucket, PipelineDefaults.DropRejectsPrefix + key + ".ndjson");
            using var reader = new StreamReader(response.ResponseStream);
            rejects += (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return new IngestReconciliation([.. accepted], inS3, audited, lost, rejectedByHttp,
            files.Sum(file => file.Rejected), rejects);
    }

    private static string KeyOf(string lambdaRecord)
    {
        using var document = JsonDocument.Parse(lambdaRecord);
        return document.RootElement.GetProperty("dynamodb").GetProperty("Keys")
            .GetProperty(PipelineDefaults.OrdersTableHashKey).GetProperty("S").GetString() ?? string.Empty;
    }
}
