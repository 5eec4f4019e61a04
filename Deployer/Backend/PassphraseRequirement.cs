using OrdersPipeline.Deployer.Hosting;
using OrdersPipeline.Deployer.Operations;

namespace OrdersPipeline.Deployer.Backend;

/// <summary>A file backend encrypts stack secrets with a passphrase. The Deployer never invents one: without
/// <c>PULUMI_CONFIG_PASSPHRASE</c> or <c>PULUMI_CONFIG_PASSPHRASE_FILE</c> it stops and says how to set one.</summary>
public static class PassphraseRequirement
{
    public const string PassphraseVariable = "PULUMI_CONFIG_PASSPHRASE";
    public const string PassphraseFileVariable = "PULUMI_CONFIG_PASSPHRASE_FILE";

    public static void Ensure(BackendSelection backend, IProcessEnvironment environment)
    {
        if (!backend.IsFileBackend)
        {
            return;
        }

        // An empty PULUMI_CONFIG_PASSPHRASE is a deliberate choice the engine accepts, so only "unset" stops here.
        if (environment.GetVariable(PassphraseVariable) is not null
            || !string.IsNullOrWhiteSpace(environment.GetVariable(PassphraseFileVariable)))
        {
            return;
        }

        var nl = Environment.NewLine;
        throw new DeployerException(
            FailureKind.Configuration,
            $"The state backend {backend.Url} is a local file backend, which encrypts stack secrets with a passphrase, "
            + $"and no passphrase is set.{nl}"
            + $"Set one before running the Deployer, for example:{nl}"
            + $"  export {PassphraseVariable}='choose-a-passphrase'{nl}"
            + $"or put it in a file and export {PassphraseFileVariable}=/path/to/passphrase-file.{nl}"
            + "Keep it: every later run against the same stacks needs the same passphrase.");
    }
}
