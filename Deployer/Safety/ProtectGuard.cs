using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Safety;

/// <summary>A stack configured with <c>orders-pipeline:protect: true</c> keeps its data: <c>destroy</c> is refused
/// before anything is asked or run.</summary>
public static class ProtectGuard
{
    public static readonly string ProtectKey = ConfigSchema.FullName("protect");

    public static void EnsureDestroyAllowed(string stackName, IReadOnlyDictionary<string, StackConfigValue> config)
    {
        if (!config.TryGetValue(ProtectKey, out var protect)
            || !bool.TryParse(protect.Value.Trim(), out var isProtected)
            || !isProtected)
        {
            return;
        }

        var nl = Environment.NewLine;
        throw new DeployerException(
            FailureKind.Configuration,
            $"Refusing to destroy stack '{stackName}': it is configured with {ProtectKey}: true, so its tables and "
            + $"bucket are protected and deletion-protected.{nl}"
            + $"To tear it down on purpose, first lift the protection, then destroy:{nl}"
            + $"  dotnet run --project Deployer -- up --stack {stackName} --config protect=false{nl}"
            + $"  dotnet run --project Deployer -- destroy --stack {stackName}");
    }
}
