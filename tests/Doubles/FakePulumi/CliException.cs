namespace DataPlatform.Doubles.FakePulumi;

/// <summary>A fatal CLI error: printed on stderr as "error: ..." with exit code 255, as the real CLI does.</summary>
internal sealed class CliException(string message) : Exception(message);
