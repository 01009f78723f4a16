namespace DataPlatform.Stack.Policy;

/// <summary>
/// One rule of one DataPlatformPolicy an environment breaks: the policy's name, the rule (the policy field, such as
/// spec.allowedRegions), the environment field it judged and a sentence saying what is allowed.
/// </summary>
public sealed record PolicyViolation(string Policy, string Rule, string Field, string Message)
{
    public override string ToString() => $"DataPlatformPolicy {Policy}, rule {Rule}: {Field}: {Message}";
}
