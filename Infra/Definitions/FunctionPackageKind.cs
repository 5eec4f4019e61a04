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

public static class FunctionPackageKindNames
{
    /// <summary>The managed runtime that loads the ReadyToRun package's handler methods.</summary>
    public const string ManagedRuntime = "dotnet10";

    /// <summary>The OS-only runtime: it starts the native package's <c>bootstrap</c>, which reads the function's
    /// handler string from <c>_HANDLER</c>.</summary>
    public const string NativeRuntime = "provided.al2023";

    public const string ReadyToRun = "readyToRun";
    public const string NativeAot = "nativeAot";

    public static IReadOnlyDictionary<string, FunctionPackageKind> ByName { get; } =
        new Dictionary<string, FunctionPackageKind>(StringComparer.Ordinal)
        {
            [ReadyToRun] = FunctionPackageKind.ReadyToRun,
            [NativeAot] = FunctionPackageKind.NativeAot,
        };

    public static string ToConfigName(this FunctionPackageKind kind) => ByName.Single(entry => entry.Value == kind).Key;

    /// <summary>The one place the package kind picks the Lambda runtime.</summary>
    public static string Runtime(this FunctionPackageKind kind) =>
        kind == FunctionPackageKind.NativeAot ? NativeRuntime : ManagedRuntime;
}
