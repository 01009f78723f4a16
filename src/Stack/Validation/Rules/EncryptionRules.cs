using System.Text.RegularExpressions;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>KMS: aliases (prefix, characters, not alias/aws/, unique), one entry per service, deletion window 7 to 30.</summary>
internal sealed partial class EncryptionRules : IValidationRule
{
    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var keys = context.Spec.Encryption.Keys;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var field = $"spec.encryption.keys[{i}]";
            if (keys.Take(i).Any(k => k.Service == key.Service))
            {
                yield return Violation.Error($"{field}.service", "dataplatform.encryption.oneKeyPerService", $"{key.Service} is listed twice; list each service once.");
            }

            if (key.DeletionWindowDays is < 7 or > 30)
            {
                yield return Violation.Error($"{field}.deletionWindowDays", "kms.key.deletionWindow", $"{key.DeletionWindowDays} days is outside 7 to 30.");
            }
        }

        foreach (var (service, alias) in context.Names.KeyAliases.OrderBy(a => a.Key))
        {
            var index = keys.FindIndex(k => k.Service == service);
            var field = index >= 0 && keys[index].Alias is not null ? $"spec.encryption.keys[{index}].alias" : context.SuffixField;
            if (alias.Length is < 7 or > 256 || !Alias().IsMatch(alias))
            {
                yield return Violation.Error(field, "kms.alias.name",
                    $"'{alias}' is not a KMS alias: 'alias/' then letters, digits, '/', '_' or '-', at most 256; for example 'alias/analytics-prod/{service.ToString().ToLowerInvariant()}'.");
            }

            if (alias.StartsWith("alias/aws/", StringComparison.OrdinalIgnoreCase))
            {
                yield return Violation.Error(field, "kms.alias.name", $"'{alias}' starts with alias/aws/, which AWS reserves for its managed keys.");
            }

            if (context.Names.KeyAliases.Count(a => string.Equals(a.Value, alias, StringComparison.Ordinal)) > 1)
            {
                yield return Violation.Error(field, "kms.alias.name", $"'{alias}' names more than one key; aliases are unique per account and region.");
            }
        }
    }

    [GeneratedRegex("^alias/[A-Za-z0-9/_-]+$")]
    private static partial Regex Alias();
}
