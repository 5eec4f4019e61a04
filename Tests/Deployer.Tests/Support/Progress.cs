using OrdersPipeline.Deployer.Engine;

namespace OrdersPipeline.Deployer.Tests.Support;

/// <summary>The progress events a fake engine raises.</summary>
internal static class Progress
{
    public static ProgressEvent Started(ResourceOperation operation, string urn, string type) =>
        new StepStarted(new ResourceStep(operation, urn, type));

    public static ProgressEvent Finished(ResourceOperation operation, string urn, string type) =>
        new StepFinished(new ResourceStep(operation, urn, type));

    public static ProgressEvent Failed(ResourceOperation operation, string urn, string type) =>
        new StepFailed(new ResourceStep(operation, urn, type));

    public static ProgressEvent Diagnostic(
        string severity, string message, string? urn = null, bool ephemeral = false) =>
        new EngineDiagnostic(severity, message, urn, ephemeral);
}
