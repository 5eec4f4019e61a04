namespace OrdersPipeline.Infra.Definitions;

/// <summary>Invalid stack configuration. Raised before any resource is registered; each problem names the key,
/// the value and the allowed range.</summary>
public sealed class ConfigValidationException : Exception
{
    public ConfigValidationException(IReadOnlyList<string> problems)
        : base(FormatMessage(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }

    private static string FormatMessage(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? problems[0]
            : $"{problems.Count} configuration problems:{Environment.NewLine}- "
              + string.Join(Environment.NewLine + "- ", problems);
}
