namespace OrdersPipeline.Emulator;

/// <summary>No emulator endpoint was given and moto_server could not be started.</summary>
public sealed class EmulatorUnavailableException(string message) : Exception(message);
