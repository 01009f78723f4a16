using DataPlatform.Entities;
using DataPlatform.Stack.Model;
using DataPlatform.Stack.Naming;
using DataPlatform.Stack.Policy;

namespace DataPlatform.Stack.Program;

/// <summary>
/// The stack config the default AWS provider reads (Pulumi.&lt;stack&gt;.yaml): the region, and for an environment that
/// names a role, <c>aws:assumeRoles</c> (the provider's list of ProviderAssumeRole: roleArn, externalId, sessionName)
/// and <c>aws:allowedAccountIds</c> set to the role's account, so the provider refuses to act in any other account.
/// Every resource and invoke of the program runs under the assumed role; the operator's own identity only assumes it.
/// </summary>
public static class ProviderConfig
{
    public const string Region = "aws:region";
    public const string AssumeRoles = "aws:assumeRoles";
    public const string AllowedAccountIds = "aws:allowedAccountIds";

    public static PropertyMap For(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var config = new PropertyMap { [Region] = environment.Spec.Region };
        if (AssumeRoleIdentity.For(environment) is { } identity)
        {
            config[AssumeRoles] = new List<object>
            {
                new PropertyMap
                {
                    ["roleArn"] = identity.RoleArn,
                    ["externalId"] = identity.ExternalId,
                    ["sessionName"] = identity.SessionName,
                },
            };
            if (RoleArnPattern.Account(identity.RoleArn) is { } account)
            {
                config[AllowedAccountIds] = new List<object> { account };
            }
        }

        return config;
    }
}
