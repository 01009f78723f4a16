using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Packaging;

/// <summary>
/// The chart's self-generated webhook certificate across `helm upgrade`. `helm template` has no cluster, so its
/// `lookup` always finds nothing; the chart therefore asks for the existing Secret through one named template,
/// dpo.existingWebhookSecret, and these tests render the real chart as a subchart of a throw-away parent whose own
/// definition of that template (a parent's named templates win over a subchart's) returns the Secret that the
/// first render produced: exactly what `lookup` returns during an upgrade. Everything else is the chart as shipped.
/// </summary>
public sealed class WebhookCertificateReuseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chart-upgrade-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_upgrade_keeps_the_webhook_ca_and_certificate_when_the_secret_exists()
    {
        var install = await Rendered.HelmAsync();
        var upgrade = await Rendered.HelmAtAsync(UpgradeChart(Single(install, "Secret")));

        Assert.True(JsonNode.DeepEquals(Single(install, "Secret")["data"], Single(upgrade, "Secret")["data"]), "the upgrade generated a new certificate");
        Assert.Equal(CaBundle(install), CaBundle(upgrade));
        Assert.Equal(Checksum(install), Checksum(upgrade));
        Assert.Equal((string?)Single(install, "Secret")["data"]!["ca.crt"], CaBundle(upgrade));
        AssertServingCertificateChainsToCaBundle(upgrade);
    }

    [Fact]
    public async Task Without_the_secret_each_render_generates_a_new_ca_and_the_checksum_rolls_the_pods()
    {
        var first = await Rendered.HelmAsync();
        var second = await Rendered.HelmAsync();

        Assert.NotEqual(CaBundle(first), CaBundle(second));
        Assert.NotEqual(Checksum(first), Checksum(second));
        AssertServingCertificateChainsToCaBundle(first);
    }

    [Fact]
    public async Task A_secret_missing_its_key_is_replaced_rather_than_reused()
    {
        var install = await Rendered.HelmAsync();
        var partial = Single(install, "Secret").DeepClone().AsObject();
        partial["data"]!.AsObject().Remove("tls.key");

        var upgrade = await Rendered.HelmAtAsync(UpgradeChart(partial));

        Assert.NotEqual(CaBundle(install), CaBundle(upgrade));
        Assert.NotNull(Single(upgrade, "Secret")["data"]!["tls.key"]);
        AssertServingCertificateChainsToCaBundle(upgrade);
    }

    [Fact]
    public async Task Cert_manager_and_an_existing_certificate_generate_nothing()
    {
        var certManager = await Rendered.HelmAsync("webhook.certManager.enabled=true");
        var existing = await Rendered.HelmAsync("webhook.existingCertificate.secretName=mine", "webhook.existingCertificate.caBundle=Q0E=");

        Assert.DoesNotContain(certManager, d => (string?)d["kind"] == "Secret");
        Assert.Null(Single(certManager, "Deployment")["spec"]!["template"]!["metadata"]!["annotations"]?["checksum/webhook-certificate"]);
        Assert.DoesNotContain(existing, d => (string?)d["kind"] == "Secret");
        Assert.Equal("Q0E=", CaBundle(existing));
        Assert.Equal("mine", (string?)Single(existing, "Deployment")["spec"]!["template"]!["spec"]!["volumes"]!.AsArray()
            .Single(v => (string?)v!["name"] == "webhook-certs")!["secret"]!["secretName"]);
    }

    /// <summary>A parent chart holding a copy of the real chart, whose dpo.existingWebhookSecret returns <paramref name="secret"/>.</summary>
    private string UpgradeChart(JsonObject secret)
    {
        var chart = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        Copy(RepoPaths.InRepo("charts", "dataplatform-operator"), Path.Combine(chart, "charts", "dataplatform-operator"));
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: upgrade-probe\nversion: 0.0.1\n");
        File.WriteAllText(Path.Combine(chart, "templates", "_cluster.tpl"),
            "{{- define \"dpo.existingWebhookSecret\" -}}\n" + secret.ToJsonString() + "\n{{- end }}\n");
        return chart;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void AssertServingCertificateChainsToCaBundle(IReadOnlyList<JsonObject> documents)
    {
        using var ca = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(CaBundle(documents))));
        using var serving = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String((string)Single(documents, "Secret")["data"]!["tls.crt"]!)));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        Assert.True(chain.Build(serving), "the served certificate does not chain to the caBundle");
        Assert.True(serving.MatchesHostname("r1-dataplatform-operator-webhook.dataplatform.svc"), "the certificate does not name the webhook Service");
    }

    private static JsonObject Single(IReadOnlyList<JsonObject> documents, string kind) => documents.Single(d => (string?)d["kind"] == kind);

    private static string CaBundle(IReadOnlyList<JsonObject> documents) =>
        (string)Single(documents, "ValidatingWebhookConfiguration")["webhooks"]![0]!["clientConfig"]!["caBundle"]!;

    private static string? Checksum(IReadOnlyList<JsonObject> documents) =>
        (string?)Single(documents, "Deployment")["spec"]!["template"]!["metadata"]!["annotations"]!["checksum/webhook-certificate"];
}
