namespace DataPlatform.Stack.Input;

/// <summary>One thing wrong with a manifest: the field path, the rule it breaks, and a sentence naming the allowed values.</summary>
public sealed record InputProblem(string Field, string Rule, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
