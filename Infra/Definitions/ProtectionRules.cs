using System.Globalization;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The buckets a stack can make.</summary>
public enum StackBucket
{
    Processed,
    AccessLogs,
    Drop,
    AuditTrail,
    ConfigHistory,
}

/// <summary>Data-protection rules that span keys (run by <see cref="StackConfig.Load"/> on keys valid alone), and
/// the Object Lock rule that needs the stack's previous deployment.</summary>
public static class ProtectionRules
{
    /// <summary>Stack outputs the Object Lock rule reads back from the previous deployment.</summary>
    public const string PriorBucketOutput = "processedBucketName";
    public const string PriorObjectLockOutput = "processedObjectLockDays";

    /// <summary>Days Secrets Manager keeps a deleted secret recoverable when it is protected (its default).</summary>
    public const int ProtectedSecretRecoveryDays = 30;

    /// <summary>The API key secret's recovery window, following <c>protect</c>. Unprotected: 0, deleted at once, since
    /// the secret has a fixed name and one still scheduled for deletion makes the next <c>up</c> fail ("a secret with
    /// this name is already scheduled for deletion"). Protected: 30 days to recover it.</summary>
    public static int SecretRecoveryWindowDays(StackConfig config) =>
        config.Get(ConfigSchema.Protect) ? ProtectedSecretRecoveryDays : 0;

    public static IReadOnlyList<string> Validate(StackConfig config)
    {
        var problems = new List<string>();
        if (config.Get(ConfigSchema.KmsKeyArn) is { } keyArn
            && config.Get(ConfigSchema.Encryption) != EncryptionMode.CustomerKey)
        {
            problems.Add(ConfigSchema.Problem(ConfigSchema.KmsKeyArn.Name, keyArn,
                $"unset while '{ConfigSchema.FullName(ConfigSchema.Encryption.Name)}' is "
                + $"{EncryptionModeNames.AwsManaged}; set it to {EncryptionModeNames.CustomerKey} to use this key"));
        }

        return problems;
    }

    /// <summary>Whether <paramref name="bucket"/> is emptied (every version) when the stack is destroyed: the
    /// <c>forceDestroy</c> setting, except that the processed bucket with Object Lock always keeps its objects
    /// (emptying it would fight the retention it was asked for, or bypass it). Only that bucket holds locked objects,
    /// so the others follow the setting and a destroy does not stop at them with <c>BucketNotEmpty</c>.</summary>
    public static bool ForceDestroy(StackConfig config, StackBucket bucket) =>
        config.Get(ConfigSchema.ForceDestroy)
        && !(bucket == StackBucket.Processed && config.Get(ConfigSchema.ProcessedObjectLockDays) > 0);

    /// <summary>Object Lock can only be turned on when S3 creates a bucket, and never turned off. Null when the
    /// change is possible; otherwise the config error.</summary>
    /// <param name="priorBucketName">The processed bucket the previous deployment exported; null on a new stack
    /// (or one whose bucket was destroyed).</param>
    /// <param name="priorLockDays">The lock days the previous deployment exported; null when it exported none (a
    /// deployment made before Object Lock existed here, which never locked).</param>
    public static string? ObjectLockChange(string? priorBucketName, int? priorLockDays, int lockDays)
    {
        if (priorBucketName is null)
        {
            return null;
        }

        var wasLocked = priorLockDays is > 0;
        var key = ConfigSchema.FullName(ConfigSchema.ProcessedObjectLockDays.Name);
        if (lockDays > 0 && !wasLocked)
        {
            return $"Config '{key}' is {Text(lockDays)}, but the processed bucket '{priorBucketName}' already exists "
                   + "without Object Lock, and S3 turns Object Lock on only when it creates a bucket. Set it back to 0, "
                   + "or move the data out and destroy the bucket first so this deployment creates it anew.";
        }

        if (lockDays == 0 && wasLocked)
        {
            return $"Config '{key}' is 0, but the processed bucket '{priorBucketName}' was created with Object Lock "
                   + $"({Text(priorLockDays!.Value)} days), which S3 cannot turn off. Keep a value above 0.";
        }

        return null;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
