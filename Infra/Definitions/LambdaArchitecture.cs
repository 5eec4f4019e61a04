namespace OrdersPipeline.Infra.Definitions;

public enum LambdaArchitecture
{
    Arm64,
    X86_64,
}

public static class LambdaArchitectureNames
{
    public const string Arm64 = "arm64";
    public const string X86_64 = "x86_64";

    /// <summary>The values Lambda's <c>Architectures</c> list takes.</summary>
    public static IReadOnlyDictionary<string, LambdaArchitecture> ByName { get; } =
        new Dictionary<string, LambdaArchitecture>(StringComparer.Ordinal)
        {
            [Arm64] = LambdaArchitecture.Arm64,
            [X86_64] = LambdaArchitecture.X86_64,
        };

    public static string ToAwsName(this LambdaArchitecture architecture) =>
        ChoiceNames.NameOf(ByName, architecture);
}
