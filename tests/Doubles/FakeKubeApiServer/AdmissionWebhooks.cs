using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using DataPlatform.Operator.Crd.Validation;
using DataPlatform.Stack.Input;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// Validating admission webhooks as kube-apiserver calls them (SEMANTICS.md): after schema validation, for every
/// registered webhook whose <c>rules</c> match the request and whose <c>matchConditions</c> (CEL) all hold, an
/// admission.k8s.io/v1 AdmissionReview is POSTed over HTTPS, the serving certificate verified against the
/// caBundle, within <c>timeoutSeconds</c>; a denial is the webhook's code and message, and any failure to call it
/// is a rejection under <c>failurePolicy: Fail</c>, ignored under <c>Ignore</c>.
/// </summary>
public sealed class AdmissionWebhooks
{
    private readonly Lock _gate = new();
    private readonly List<Webhook> _webhooks = [];
    private readonly CelRuleCompiler _cel = new();
    private int _calls;

    /// <summary>AdmissionReviews sent (answered or not).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>
    /// Registers every webhook of a ValidatingWebhookConfiguration (YAML). <paramref name="serviceUrl"/> is where
    /// its <c>clientConfig.service</c> resolves (scheme, host and port; the path comes from the configuration);
    /// <paramref name="caBundlePem"/> is the caBundle (cert-manager's injection), used unless the configuration has one.
    /// </summary>
    public void Register(string configurationYaml, Uri serviceUrl, string caBundlePem)
    {
        var configuration = YamlJson.ParseAll(configurationYaml).OfType<JsonObject>()
            .First(d => (string?)d["kind"] == "ValidatingWebhookConfiguration");
        foreach (var webhook in configuration["webhooks"]!.AsArray().OfType<JsonObject>())
        {
            var client = webhook["clientConfig"]!;
            var url = (string?)client["url"] is { } direct
                ? new Uri(direct)
                : new Uri(serviceUrl, (string?)client["service"]?["path"] ?? "/");
            var ca = (string?)client["caBundle"] is { Length: > 0 } bundle
                ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(bundle))
                : caBundlePem;
            var conditions = (webhook["matchConditions"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(c => ((string)c["name"]!, _cel.CompileExpression((string)c["expression"]!)))
                .ToList();
            lock (_gate)
            {
                _webhooks.Add(new Webhook(
                    (string)webhook["name"]!,
                    url,
                    ca,
                    TimeSpan.FromSeconds(Math.Clamp((int?)webhook["timeoutSeconds"] ?? 10, 1, 30)),
                    (string?)webhook["failurePolicy"] ?? "Fail",
                    (webhook["rules"] as JsonArray ?? []).OfType<JsonObject>().ToList(),
                    conditions));
            }
        }
    }

    internal async Task ValidateAsync(ResourceType type, string name, string operation, bool statusWrite, JsonObject obj, JsonObject? old, CancellationToken cancellationToken)
    {
        List<Webhook> webhooks;
        lock (_gate)
        {
            webhooks = [.. _webhooks];
        }

        var resource = statusWrite ? $"{type.Plural}/status" : type.Plural;
        foreach (var webhook in webhooks.Where(w => w.Matches(type, resource, operation)))
        {
            var request = Request(type, name, operation, statusWrite, obj, old);
            bool call;
            try
            {
                call = webhook.Conditions.All(c => Evaluate(c.Condition, request, c.Name));
            }
            catch (InvalidOperationException e) when (webhook.FailurePolicy == "Ignore")
            {
                _ = e;
                continue;
            }
            catch (InvalidOperationException e)
            {
                throw new ApiErrorException(500, "InternalError", $"Internal error occurred: failed calling webhook \"{webhook.Name}\": {e.Message}");
            }

            if (call)
            {
                await CallAsync(webhook, request, cancellationToken);
            }
        }
    }

    private static bool Evaluate(Func<IDictionary<string, object?>, object?> condition, JsonObject request, string name)
    {
        object? result;
        try
        {
            result = condition(new Dictionary<string, object?>
            {
                ["object"] = CelValues.From(request["object"], null),
                ["oldObject"] = CelValues.From(request["oldObject"], null),
                ["request"] = CelValues.From(request, null),
            });
        }
        catch (Cel.CelException e)
        {
            throw new InvalidOperationException($"matchCondition \"{name}\" failed: {e.Message}", e);
        }

        return result as bool? ?? throw new InvalidOperationException($"matchCondition \"{name}\" did not evaluate to a bool");
    }

    private async Task CallAsync(Webhook webhook, JsonObject request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        JsonObject? response;
        try
        {
            if (webhook.Url.Scheme != Uri.UriSchemeHttps)
            {
                throw new HttpRequestException($"webhook URL {webhook.Url} must use https");
            }

            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => Trusted(certificate, webhook.CaBundlePem) };
            using var client = new HttpClient(handler) { Timeout = webhook.Timeout };
            using var answer = await client.PostAsJsonAsync(webhook.Url, new JsonObject
            {
                ["apiVersion"] = "admission.k8s.io/v1",
                ["kind"] = "AdmissionReview",
                ["request"] = request,
            }, cancellationToken);
            answer.EnsureSuccessStatusCode();
            response = (await answer.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["response"] as JsonObject;
            if ((string?)response?["uid"] != (string?)request["uid"])
            {
                throw new HttpRequestException("expected response.uid to match the request.uid");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            if (webhook.FailurePolicy == "Ignore")
            {
                return;
            }

            var reason = e is TaskCanceledException ? "context deadline exceeded" : e.Message;
            throw new ApiErrorException(500, "InternalError", $"Internal error occurred: failed calling webhook \"{webhook.Name}\": failed to call webhook: Post \"{webhook.Url}\": {reason}");
        }

        if ((bool?)response!["allowed"] != true)
        {
            var status = response["status"];
            var code = (int?)status?["code"] is { } c and >= 400 ? c : 400;
            throw new ApiErrorException(code, (string?)status?["reason"] ?? "", $"admission webhook \"{webhook.Name}\" denied the request: {(string?)status?["message"] ?? "without explanation"}");
        }
    }

    private static bool Trusted(X509Certificate2? certificate, string caBundlePem)
    {
        if (certificate is null)
        {
            return false;
        }

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPem(caBundlePem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static JsonObject Request(ResourceType type, string name, string operation, bool statusWrite, JsonObject obj, JsonObject? old) => new()
    {
        ["uid"] = Guid.NewGuid().ToString(),
        ["kind"] = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind },
        ["resource"] = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["resource"] = type.Plural },
        ["subResource"] = statusWrite ? "status" : null,
        ["name"] = name,
        ["namespace"] = (string?)obj["metadata"]?["namespace"],
        ["operation"] = operation,
        ["userInfo"] = new JsonObject { ["username"] = "system:fake" },
        ["object"] = operation == "DELETE" ? null : obj.DeepClone(),
        ["oldObject"] = old?.DeepClone(),
        ["dryRun"] = false,
    };

    private sealed record Webhook(
        string Name,
        Uri Url,
        string CaBundlePem,
        TimeSpan Timeout,
        string FailurePolicy,
        IReadOnlyList<JsonObject> Rules,
        IReadOnlyList<(string Name, Func<IDictionary<string, object?>, object?> Condition)> Conditions)
    {
        public bool Matches(ResourceType type, string resource, string operation) => Rules.Any(rule =>
            Contains(rule["apiGroups"], type.Group) && Contains(rule["apiVersions"], type.Version)
            && Contains(rule["operations"], operation) && Contains(rule["resources"], resource));

        private static bool Contains(JsonNode? list, string value) =>
            list is JsonArray array && array.Any(x => (string?)x is "*" || (string?)x == value);
    }
}
