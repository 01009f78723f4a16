using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DataPlatform.Operator.Runtime.Client;
using k8s.Exceptions;

namespace DataPlatform.Operator.Tests.Runtime.Client;

/// <summary><c>run --kubeconfig</c> reads the file as KubernetesClient's own loader would, without KubernetesYaml.</summary>
public sealed class KubeconfigFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kubeconfig-");

    [Fact]
    public void The_current_context_gives_the_server_the_user_and_the_namespace()
    {
        var path = Write("config", """
            apiVersion: v1
            kind: Config
            preferences: {}
            clusters:
            - name: other
              cluster: {server: "http://other.example:6443"}
            - name: c
              cluster: {server: "http://127.0.0.1:6443", insecure-skip-tls-verify: true}
            users:
            - name: u
              user: {token: abc123}
            contexts:
            - name: x
              context: {cluster: c, user: u, namespace: team}
            current-context: x
            """);

        var config = KubeconfigFile.Load(path);

        Assert.Equal("http://127.0.0.1:6443", config.Host);
        Assert.Equal("abc123", config.AccessToken);
        Assert.Equal("team", config.Namespace);
        Assert.Equal("x", config.CurrentContext);
        Assert.True(config.SkipTlsVerify);
    }

    [Fact]
    public void A_relative_certificate_authority_resolves_against_the_kubeconfigs_folder()
    {
        using var key = ECDsa.Create();
        using var ca = new CertificateRequest("CN=test-ca", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "certs"));
        File.WriteAllText(Path.Combine(_folder.FullName, "certs", "ca.crt"), ca.ExportCertificatePem());
        var path = Write("config", """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://cluster.example:6443", certificate-authority: certs/ca.crt}}]
            users: [{name: u, user: {client-certificate-data: "", token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            current-context: x
            """);

        var previous = Environment.CurrentDirectory;
        var config = KubeconfigFile.Load(path);

        Assert.Equal(previous, Environment.CurrentDirectory);
        Assert.Equal(ca.Thumbprint, Assert.Single(config.SslCaCerts!).Thumbprint);
    }

    [Theory]
    [InlineData("missing", "kubeconfig file not found")]
    [InlineData("clusters: [unclosed", "is not valid YAML")]
    [InlineData("", "is empty")]
    [InlineData("apiVersion: v1\nkind: Config\ncontexts: [{name: x, context: {cluster: c}}]\nclusters: []\ncurrent-context: nope", "CurrentContext: nope not found")]
    public void A_bad_kubeconfig_is_a_clear_error_naming_it(string content, string message)
    {
        var path = content == "missing" ? Path.Combine(_folder.FullName, "absent") : Write("bad", content);

        var error = Assert.Throws<KubeConfigException>(() => KubeconfigFile.Load(path));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
