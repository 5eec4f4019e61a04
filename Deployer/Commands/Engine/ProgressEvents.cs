namespace OrdersPipeline.Deployer.Engine;

/// <summary>What the engine reports while an operation runs: resource steps and diagnostics. The engine is asked for
/// plain text, but its messages may still hold its colour directives (<c>&lt;{%reset%}&gt;</c>).</summary>
public abstract record ProgressEvent;

/// <summary>One resource step.</summary>
/// <param name="Urn">The resource's URN; its last <c>::</c> segment is the resource's name.</param>
/// <param name="Type">The resource's type token, e.g. <c>aws:dynamodb/table:Table</c>.</param>
public sealed record ResourceStep(ResourceOperation Operation, string Urn, string Type);

/// <summary>The engine starts a step.</summary>
public sealed record StepStarted(ResourceStep Step) : ProgressEvent;

/// <summary>A step finished.</summary>
public sealed record StepFinished(ResourceStep Step) : ProgressEvent;

/// <summary>A step failed; the diagnostic saying why comes as an <see cref="EngineDiagnostic"/>.</summary>
public sealed record StepFailed(ResourceStep Step) : ProgressEvent;

/// <summary>A message from the engine, a provider or the program.</summary>
/// <param name="Severity">The engine's own word: <c>error</c>, <c>warning</c>, <c>info</c>, <c>info#err</c> (info
/// written to stderr) or <c>debug</c>.</param>
/// <param name="Urn">The resource the message is about, if any.</param>
/// <param name="Ephemeral">A transient status the engine replaces as it goes.</param>
public sealed record EngineDiagnostic(string Severity, string Message, string? Urn, bool Ephemeral) : ProgressEvent;
