namespace OrdersPipeline.Infra.Definitions;

/// <summary>Stands for an exception Infra's definitions raise inside the inline program (invalid config, a missing
/// Functions package): the Deployer recognises them by namespace.</summary>
internal sealed class DefinitionsException(string message) : Exception(message);
