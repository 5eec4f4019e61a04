namespace OrdersPipeline.Functions.Metrics;

/// <summary>The CloudWatch metrics the functions emit (<see cref="EmbeddedMetrics"/>), named once: the handlers write
/// them and Infra's dashboard and alarms read them. Every metric carries the dimensions
/// <see cref="EmbeddedMetrics.EnvironmentDimension"/> and <see cref="EmbeddedMetrics.FunctionDimension"/>.</summary>
public static class PipelineMetrics
{
    public const string RecordsWritten = "RecordsWritten";
    public const string RecordsFailed = "RecordsFailed";
    public const string RecordsSkipped = "RecordsSkipped";
    public const string RecordsDeferred = "RecordsDeferred";

    /// <summary>Records whose key already held the same change or a newer one, so nothing was written (conditional
    /// writes); and the conditional writes answered 412, 409 or 404 on the way.</summary>
    public const string RecordsAlreadyStored = "RecordsAlreadyStored";
    public const string ConditionalWriteConflicts = "ConditionalWriteConflicts";
    public const string BatchDuration = "BatchDuration";

    /// <summary>Records whose document had a card number masked: a writer put one in the orders table
    /// (docs/security.md, "Card numbers"); an alarm fires on any.</summary>
    public const string CardNumbersMasked = "CardNumbersMasked";

    /// <summary>Time from a change's <c>ApproximateCreationDateTime</c> to its document in S3: the batch's worst
    /// and average record (EMF takes at most 100 values per metric, so not one value per record).</summary>
    public const string WriteLagMax = "WriteLagMax";
    public const string WriteLagAverage = "WriteLagAverage";

    public const string MessagesStored = "MessagesStored";
    public const string MessagesAlreadyStored = "MessagesAlreadyStored";
    public const string MessagesFailed = "MessagesFailed";
    public const string MessagesDeferred = "MessagesDeferred";

    /// <summary>Audited messages per failure type, one metric per type (<c>FailureType.RetryAttemptsExhausted</c>):
    /// one log line can carry only one value per dimension.</summary>
    public const string FailureTypePrefix = "FailureType.";
}
