namespace OrdersPipeline.Deployer.Engine;

/// <summary>A failure of the engine behind <see cref="IStackWorkspace"/>, in the port's terms. The commands turn each
/// kind into its message and exit code; any other exception from the port is reported by its own message.</summary>
public abstract class EngineException(string message, Exception? inner) : Exception(message, inner);

/// <summary>The engine's CLI is not installed: it was not found on PATH.</summary>
public sealed class EngineMissingException(string message, Exception? inner = null) : EngineException(message, inner);

/// <summary>The CLI is there but cannot be used (it failed its version check, or is too old); the message says
/// why.</summary>
public sealed class EngineUnusableException(string message, Exception? inner = null) : EngineException(message, inner);

/// <summary>The stack does not exist in the backend, and the call does not create it.</summary>
public sealed class StackMissingException(string message, Exception? inner = null) : EngineException(message, inner);

/// <summary>Another update holds the stack's lock; the message is the engine's reason.</summary>
public sealed class StackLockedException(string message, Exception? inner = null) : EngineException(message, inner);

/// <summary>An engine command failed; the message is the engine's reason.</summary>
public sealed class EngineCommandException(string message, Exception? inner = null) : EngineException(message, inner);

/// <summary><c>--install-cli</c> could not install the CLI: downloading the install script from
/// <paramref name="scriptUrl"/> or running it to install into <paramref name="installFolder"/> failed; the message is
/// the reason.</summary>
public sealed class EngineInstallException(
    string scriptUrl, string installFolder, string message, Exception? inner = null) : EngineException(message, inner)
{
    public string ScriptUrl { get; } = scriptUrl;

    public string InstallFolder { get; } = installFolder;
}
