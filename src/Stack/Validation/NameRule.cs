using System.Text.RegularExpressions;

namespace DataPlatform.Stack.Validation;

/// <summary>Length and shape of one AWS name, from validation-facts.json.</summary>
internal sealed record NameRule(string Id, string What, int MinLength, int MaxLength, Regex Pattern, string Shape, string Example)
{
    public IEnumerable<Violation> Check(string field, string value)
    {
        if (value.Length < MinLength || value.Length > MaxLength)
        {
            yield return Violation.Error(field, Id,
                $"{What} '{value}' is {value.Length} characters; AWS allows {MinLength} to {MaxLength}. Shorten it, for example '{Example}'.");
        }

        if (!Pattern.IsMatch(value))
        {
            yield return Violation.Error(field, Id, $"{What} '{value}' is not valid: {Shape}. For example '{Example}'.");
        }
    }
}
