using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// The AWS identity a run acts as, worked out as the AWS provider does when it configures itself from the stack config
/// (SEMANTICS.md, "AWS identity"): the ambient or static credentials' account (the fake's 123456789012), or, with
/// <c>aws:assumeRoles</c>, the role assumed with its external id and session name, checked against STS's limits; and
/// <c>aws:allowedAccountIds</c> refusing any other account with the provider's error.
/// </summary>
internal sealed partial record AwsIdentity(string Account, string CallerArn, string Credentials, string? RoleArn, string? ExternalId, string? SessionName)
{
    public const string AmbientAccount = "123456789012";

    public static AwsIdentity From(YamlMappingNode? config)
    {
        var credentials = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is null ? "ambient" : "static";
        var roles = config is not null && config.Children.TryGetValue(new YamlScalarNode("aws:assumeRoles"), out var node) ? node : null;
        AwsIdentity identity;
        if (roles is YamlSequenceNode { Children.Count: > 0 } list)
        {
            if (list.Children.Count > 1)
            {
                throw new CliException("the fake assumes at most one role (aws:assumeRoles has more than one entry)");
            }

            var role = list.Children[0] as YamlMappingNode ?? throw new CliException("aws:assumeRoles[0] must be an object");
            var arn = Scalar(role, "roleArn") ?? throw new CliException("aws:assumeRoles[0]: role_arn is required");
            var match = RoleArnPattern().Match(arn);
            if (!match.Success)
            {
                throw new CliException($"aws:assumeRoles[0]: \"role_arn\" ({arn}) is an invalid ARN");
            }

            var session = Scalar(role, "sessionName");
            if (session is not null && !SessionNamePattern().IsMatch(session))
            {
                throw new CliException($"aws:assumeRoles[0]: \"session_name\" ({session}) must be 2 to 64 characters of [\\w+=,.@-]");
            }

            var external = Scalar(role, "externalId");
            if (external is not null && !ExternalIdPattern().IsMatch(external))
            {
                throw new CliException($"aws:assumeRoles[0]: \"external_id\" ({external}) must be 2 to 1224 characters of [\\w+=,.@:/-]");
            }

            var account = match.Groups["account"].Value;
            var name = match.Groups["name"].Value.Split('/')[^1];
            identity = new AwsIdentity(account, $"arn:aws:sts::{account}:assumed-role/{name}/{session ?? "fake-session"}", credentials, arn, external, session);
        }
        else
        {
            identity = new AwsIdentity(AmbientAccount, $"arn:aws:sts::{AmbientAccount}:assumed-role/operator/fake", credentials, null, null, null);
        }

        if (config is not null && config.Children.TryGetValue(new YamlScalarNode("aws:allowedAccountIds"), out var allowed) && allowed is YamlSequenceNode ids
            && !ids.Children.OfType<YamlScalarNode>().Any(id => id.Value == identity.Account))
        {
            throw new CliException($"AWS account ID not allowed: {identity.Account}");
        }

        return identity;
    }

    /// <summary>What a history entry records of the run's identity (a string map, like the real entry's <c>environment</c>).</summary>
    public JsonObject ToEnvironment()
    {
        var environment = new JsonObject
        {
            ["aws.account"] = Account,
            ["aws.callerArn"] = CallerArn,
            ["aws.credentials"] = Credentials,
        };
        if (RoleArn is not null)
        {
            environment["aws.assumeRole.roleArn"] = RoleArn;
            environment["aws.assumeRole.externalId"] = ExternalId;
            environment["aws.assumeRole.sessionName"] = SessionName;
        }

        return environment;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    [GeneratedRegex(@"^arn:aws(-cn|-us-gov)?:iam::(?<account>[0-9]{12}):role/(?<name>[\w+=,.@/-]{1,512})$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$")]
    private static partial Regex ExternalIdPattern();
}
