namespace DataPlatform.Stack.Model;

/// <summary><c>fn::toJSON</c>: a structured value (maps and lists with expressions) rendered as JSON text.</summary>
public sealed record JsonValue(object Value);
