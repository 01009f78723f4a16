namespace DataPlatform.Stack.Model;

/// <summary><c>fn::secret</c>: the value is encrypted in state and shown as [secret].</summary>
public sealed record SecretValue(object Value);
