namespace OrdersPipeline.Functions.Configuration;

/// <summary>A function's environment is wrong; thrown at cold start so the init error names the variable.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
