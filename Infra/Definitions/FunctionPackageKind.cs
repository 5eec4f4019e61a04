namespace OrdersPipeline.Infra.Definitions;

/// <summary>How the Functions package is compiled, which decides the Lambda runtime that starts it.</summary>
public enum FunctionPackageKind
{
    /// <summary>IL precompiled for the architecture, run by the managed <c>dotnet10</c> runtime. Infra's build
    /// publishes it for both architectures.</summary>
    ReadyToRun,

    /// <summary>One native <c>bootstrap</c> executable on the OS-only runtime: the fastest cold start, but it
    /// compiles only on a machine of the function's architecture with clang or gcc, so Infra's build does not
    /// publish it.</summary>
    NativeAot,
}

/// <summary>What differs between the two packages: the Lambda runtime that starts it, the file it cannot be without,
/// its folder's suffix beside the other kind's (<c>artifacts/functions/&lt;architecture&gt;&lt;suffix&gt;</c>), and
/// the publish options that build it.</summary>
public sealed record FunctionPackageTraits(
    string Runtime, string EntryFileName, string FolderSuffix, IReadOnlyList<string> PublishOptions);

public static class FunctionPackageKindNames
{
    public const string ReadyToRun = "readyToRun";
    public const string NativeAot = "nativeAot";

    public static IReadOnlyDictionary<string, FunctionPackageKind> ByName { get; } =
        new Dictionary<string, FunctionPackageKind>(StringComparer.Ordinal)
        {
            [ReadyToRun] = FunctionPackageKind.ReadyToRun,
            [NativeAot] = FunctionPackageKind.NativeAot,
        };

    /// <summary>The managed runtime loads the handler methods; the OS-only runtime starts the native
    /// <c>bootstrap</c>, which reads the function's handler string from <c>_HANDLER</c>. Native AOT is machine code
    /// only, in a folder of its own so the two never mix.</summary>
    private static readonly FunctionPackageTraits Managed = new(
        "dotnet10", FunctionsPackage.AssemblyFileName, "", ["-p:PublishReadyToRun=true", "--no-self-contained"]);

    private static readonly FunctionPackageTraits Native = new(
        "provided.al2023", FunctionsPackage.BootstrapFileName, "-native", ["-p:PublishAot=true"]);

    public static string ToConfigName(this FunctionPackageKind kind) => ChoiceNames.NameOf(ByName, kind);

    /// <summary>The one place each kind's differences are written.</summary>
    public static FunctionPackageTraits Traits(this FunctionPackageKind kind) =>
        kind == FunctionPackageKind.NativeAot ? Native : Managed;
}
