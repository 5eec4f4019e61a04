using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>What a function and its event source mapping look like here.</summary>
internal static class FunctionDefaults
{
    public const string Runtime = "dotnet10";

    /// <summary>The OS-only runtime: it starts the package's native <c>bootstrap</c>, which reads the function's
    /// handler string from <c>_HANDLER</c>.</summary>
    public const string NativeRuntime = "provided.al2023";

    public const string TracingMode = "Active";

    /// <summary>Every mapping reports partial batch failures, so one bad record never fails its whole batch.</summary>
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";

    /// <summary>The one place the package kind picks the runtime.</summary>
    public static string RuntimeFor(FunctionPackageKind kind) =>
        kind == FunctionPackageKind.NativeAot ? NativeRuntime : Runtime;
}
