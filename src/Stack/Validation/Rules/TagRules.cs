using System.Text.RegularExpressions;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>Tags merged with the operator's four: at most 50, key and value lengths, the portable character set, no aws: prefix.</summary>
internal sealed partial class TagRules : IValidationRule
{
    public const int OperatorTags = 4;
    private static readonly string[] OperatorTagKeys = ["managed-by", "dataplatform.io/environment", "dataplatform.io/namespace", "environment"];

    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var tags = context.Spec.Tags;
        var merged = tags.Keys.Union(OperatorTagKeys, StringComparer.Ordinal).Count() + 1;
        if (merged > 50)
        {
            yield return Violation.Error("spec.tags", "tags.general",
                $"{tags.Count} tags plus the operator's {OperatorTags} and Name make {merged}; AWS allows 50 per resource. Remove {merged - 50}.");
        }

        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var field = $"spec.tags.{key}";
            if (key.Length is < 1 or > 128)
            {
                yield return Violation.Error(field, "tags.general", $"Tag key '{key}' is {key.Length} characters; keys are 1 to 128.");
            }

            if (value.Length > 256)
            {
                yield return Violation.Error(field, "tags.general", $"The value of tag '{key}' is {value.Length} characters; values are at most 256.");
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                yield return Violation.Error(field, "tags.general", $"Tag key '{key}' starts with 'aws:', which AWS reserves.");
            }

            if (key.StartsWith("fn::", StringComparison.OrdinalIgnoreCase))
            {
                yield return Violation.Error(field, "tags.general", $"Tag key '{key}' starts with 'fn::', which Pulumi YAML reserves for its built-in functions; the program cannot carry it.");
            }

            if (!Portable().IsMatch(key) || !Portable().IsMatch(value))
            {
                yield return Violation.Error(field, "tags.general", $"Tag '{key}' uses characters outside letters, digits, spaces and _ . : / = + - @.");
            }

            if (OperatorTagKeys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) || key == "Name")
            {
                yield return Violation.Warning(field, "tags.providerDefaultTagsMerge", $"Tag '{key}' replaces the one the operator sets on every resource.");
            }
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex Portable();
}
