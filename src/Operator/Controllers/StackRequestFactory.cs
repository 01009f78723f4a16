using System.Text;
using DataPlatform.Entities;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Naming;
using DataPlatform.Stack.Program;
using k8s.Models;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// Builds the engine request for an environment: the generated program, the stack, the backend and secrets
/// provider from the spec (or the governing DataPlatformPolicy's defaults, or the operator's), and AWS credentials from the referenced Secret (or none,
/// for the ambient identity such as IRSA).
/// </summary>
internal sealed class StackRequestFactory(IKubernetesClient client, Policy.PolicySource? policies = null)
{
    public static readonly string[] CredentialKeys = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    /// <summary>The request, or an explanation when the credentials Secret is missing or incomplete.</summary>
    public Task<(StackRequest? Request, string? Problem)> CreateAsync(V1Alpha1DataPlatformEnvironment environment, CancellationToken cancellationToken) =>
        CreateAsync(environment, ProgramProtection.All, cancellationToken);

    /// <summary>The request with the program's stateful resources protected as <paramref name="protection"/> says.</summary>
    public async Task<(StackRequest? Request, string? Problem)> CreateAsync(
        V1Alpha1DataPlatformEnvironment environment, ProgramProtection protection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var spec = environment.Spec;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_REGION"] = spec.Region };
        var secrets = new List<string>();
        if (spec.Stack.CredentialsSecretRef is { } reference)
        {
            var secret = await client.GetAsync<V1Secret>(reference.Name, environment.Metadata.NamespaceProperty, cancellationToken);
            if (secret is null)
            {
                return (null, $"The credentials Secret {reference.Name} named in spec.stack.credentialsSecretRef does not exist in namespace {environment.Metadata.NamespaceProperty}.");
            }

            foreach (var key in CredentialKeys)
            {
                if (secret.Data?.TryGetValue(key, out var value) == true)
                {
                    var text = Encoding.UTF8.GetString(value);
                    variables[key] = text;
                    secrets.Add(text);
                }
            }

            if (!variables.ContainsKey("AWS_ACCESS_KEY_ID") || !variables.ContainsKey("AWS_SECRET_ACCESS_KEY"))
            {
                return (null, $"The credentials Secret {reference.Name} needs the keys AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
            }
        }

        // Like the operator's own default backend, a policy's default applies to every environment that sets none, so
        // changing it moves them; the README says so.
        var report = policies is null ? Stack.Policy.PolicyReport.NoPolicy : await policies.EvaluateAsync(environment, cancellationToken);
        var program = StackProgramBuilder.Build(environment, protection);
        return (new StackRequest
        {
            StackName = ResourceNames.For(environment).Stack,
            Files = CompressedFileDictionary.Of(PulumiYamlWriter.Files(program)),
            BackendUrl = spec.Stack.BackendUrl ?? report.DefaultBackendUrl,
            SecretsProvider = spec.Stack.SecretsProvider ?? report.DefaultSecretsProvider ?? "passphrase",
            Environment = variables,
            Secrets = secrets,
            Size = Stack.Sizing.EngineSize.From(spec.Stack.Engine),
            Owner = new StackOwner(environment.Metadata.NamespaceProperty, environment.Metadata.Name, environment.Metadata.Uid, environment.Metadata.Generation ?? 0),
        }, null);
    }
}
