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

    /// <summary>The value Lambda's <c>Architectures</c> list takes.</summary>
    public static string ToAwsName(this LambdaArchitecture architecture) => architecture switch
    {
        LambdaArchitecture.Arm64 => Arm64,
        LambdaArchitecture.X86_64 => X86_64,
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, null),
    };

    public static bool TryParse(string value, out LambdaArchitecture architecture)
    {
        switch (value)
        {
            case Arm64:
                architecture = LambdaArchitecture.Arm64;
                return true;
            case X86_64:
                architecture = LambdaArchitecture.X86_64;
                return true;
            default:
                architecture = default;
                return false;
        }
    }
}
