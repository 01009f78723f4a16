namespace DataPlatform.Stack.Engine;

/// <summary>The engine cannot run at all: the CLI is missing or too old, or a command failed outside a run.</summary>
public sealed class EngineConfigurationException(string message) : Exception(message);
