using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>Self-signed serving certificates as PEM files, and what a TLS client is served.</summary>
internal static class TestCertificates
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Written = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes tls.crt and tls.key for localhost into <paramref name="directory"/>; returns the certificate's thumbprint.</summary>
    public static string Write(string directory, string commonName)
    {
        Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(Path.Combine(directory, "tls.key"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(directory, "tls.crt"), certificate.ExportCertificatePem());
        Written[certificate.Thumbprint] = true;
        return certificate.Thumbprint;
    }

    /// <summary>Trusts exactly the certificates this class wrote (self-signed, so the chain check alone cannot).</summary>
    public static bool Trusted(X509Certificate? certificate) => certificate is not null && Written.ContainsKey(certificate.GetCertHashString());

    /// <summary>The thumbprint of the certificate a TLS handshake on the port is answered with.</summary>
    public static async Task<string> ServedAsync(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) => Trusted(certificate));
        await tls.AuthenticateAsClientAsync("localhost");
        using var served = new X509Certificate2(tls.RemoteCertificate!);
        return served.Thumbprint;
    }

    public static HttpClient Client() => new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => Trusted(certificate) });
}
