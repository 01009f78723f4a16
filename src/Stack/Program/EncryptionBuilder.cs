using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>One customer-managed KMS key per service, each with an alias; the logs key lets CloudWatch Logs use it.</summary>
internal static class EncryptionBuilder
{
    private const string Component = "encryption";

    public static void Build(ProgramContext context)
    {
        foreach (var service in Enum.GetValues<KeyService>())
        {
            var settings = context.Spec.Encryption.Keys.FirstOrDefault(k => k.Service == service) ?? new KeySpec { Service = service };
            var logical = ProgramContext.KeyLogicalName(service);
            var alias = context.Names.KeyAliases[service];
            context.Add(logical, "aws:kms/key:Key", Component, null, PropertyMap.Of(
                ("description", $"dataplatform {context.Names.Suffix}: {service} data"),
                ("keyUsage", "ENCRYPT_DECRYPT"),
                ("customerMasterKeySpec", "SYMMETRIC_DEFAULT"),
                ("enableKeyRotation", settings.Rotation),
                ("deletionWindowInDays", settings.DeletionWindowDays),
                ("policy", new JsonValue(Policy(context, service))),
                ("tags", context.Tags(alias))));
            context.Add($"{logical}-alias", "aws:kms/alias:Alias", Component, alias, PropertyMap.Of(
                ("name", alias),
                ("targetKeyId", Expr.Ref(logical, "keyId"))));
            context.Output($"{service.ToString().ToLowerInvariant()}KeyArn", Expr.Ref(logical, "arn"));
        }
    }

    private static PropertyMap Policy(ProgramContext context, KeyService service)
    {
        var statements = new List<object>
        {
            PropertyMap.Of(
                ("Sid", "AccountAdministration"),
                ("Effect", "Allow"),
                ("Principal", PropertyMap.Of(("AWS", $"arn:{ProgramContext.Partition}:iam::{ProgramContext.AccountId}:root"))),
                ("Action", "kms:*"),
                ("Resource", "*")),
        };
        if (service == KeyService.Logs)
        {
            statements.Add(PropertyMap.Of(
                ("Sid", "CloudWatchLogs"),
                ("Effect", "Allow"),
                ("Principal", PropertyMap.Of(("Service", $"logs.{context.Region}.amazonaws.com"))),
                ("Action", new List<object> { "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*" }),
                ("Resource", "*"),
                ("Condition", PropertyMap.Of(("ArnLike", PropertyMap.Of(
                    ("kms:EncryptionContext:aws:logs:arn", context.Arn("logs", "log-group:*"))))))));
        }

        return PropertyMap.Of(("Version", "2012-10-17"), ("Statement", statements));
    }
}
