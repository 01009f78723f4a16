namespace DataPlatform.Stack.Model;

/// <summary>A stack output. Secret outputs are wrapped in fn::secret when written.</summary>
public sealed record ProgramOutput(string Name, object Value, bool Secret);
