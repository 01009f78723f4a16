using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DataPlatform.Operator.Hosting;

/// <summary>
/// The webhook's serving certificate, read from tls.crt and tls.key and read again when they change, so a renewal
/// (cert-manager, or the chart's Secret updated in place) is served on the next TLS handshake without a restart.
/// Files are compared by content at most once per check interval: a Secret volume swaps a symlink, which file
/// watchers miss. A pair that does not load (a half-written renewal) keeps the previous certificate until it does.
/// </summary>
internal sealed partial class WebhookCertificate(Microsoft.Extensions.Options.IOptions<WebhookOptions> settings, TimeProvider time, ILogger<WebhookCertificate> logger)
{
    private readonly WebhookOptions _options = settings.Value;
    private readonly Lock _gate = new();
    private X509Certificate2? _current;
    private byte[] _certificateBytes = [];
    private byte[] _keyBytes = [];
    private DateTimeOffset _checked = DateTimeOffset.MinValue;
    private string? _problem = "no certificate loaded yet";

    public string CertificatePath => Path.Combine(_options.CertDirectory, "tls.crt");

    public string KeyPath => Path.Combine(_options.CertDirectory, "tls.key");

    /// <summary>Whether both files exist, i.e. whether the webhook listener is started at all.</summary>
    public bool Present => File.Exists(CertificatePath) && File.Exists(KeyPath);

    /// <summary>Why the webhook cannot serve, or null when a valid certificate is loaded.</summary>
    public string? Problem
    {
        get
        {
            _ = Current();
            lock (_gate)
            {
                if (_current is { } certificate && certificate.NotAfter.ToUniversalTime() < time.GetUtcNow().UtcDateTime)
                {
                    return $"the webhook certificate in {_options.CertDirectory} expired at {certificate.NotAfter.ToUniversalTime():u}";
                }

                return _current is null ? _problem : null;
            }
        }
    }

    /// <summary>The certificate to present now, re-read when the files changed since the last check.</summary>
    public X509Certificate2? Current()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _checked >= _options.CertificateCheckInterval || _current is null)
            {
                _checked = now;
                Reload();
            }

            return _current;
        }
    }

    private void Reload()
    {
        byte[] certificate, key;
        try
        {
            certificate = File.ReadAllBytes(CertificatePath);
            key = File.ReadAllBytes(KeyPath);
        }
        catch (IOException e)
        {
            _problem = $"cannot read the webhook certificate in {_options.CertDirectory}: {e.Message}";
            Log.Unreadable(logger, _options.CertDirectory, e.Message);
            return;
        }

        if (_current is not null && certificate.AsSpan().SequenceEqual(_certificateBytes) && key.AsSpan().SequenceEqual(_keyBytes))
        {
            return;
        }

        try
        {
            var loaded = X509Certificate2.CreateFromPem(System.Text.Encoding.UTF8.GetString(certificate), System.Text.Encoding.UTF8.GetString(key));
            var replaced = _current is not null;
            (_current, _certificateBytes, _keyBytes, _problem) = (loaded, certificate, key, null);
            var (subject, notAfter) = (loaded.Subject, loaded.NotAfter.ToUniversalTime());
            if (replaced)
            {
                Log.Reloaded(logger, subject, notAfter);
            }
        }
        catch (CryptographicException e)
        {
            // Keep serving the previous pair; the next check tries again.
            _problem = $"the webhook certificate in {_options.CertDirectory} does not load: {e.Message}";
            Log.Invalid(logger, _options.CertDirectory, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Serving the renewed webhook certificate {Subject}, valid until {NotAfter:u}")]
        public static partial void Reloaded(ILogger logger, string subject, DateTime notAfter);

        [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "The webhook certificate in {Directory} does not load, keeping the previous one: {Reason}")]
        public static partial void Invalid(ILogger logger, string directory, string reason);

        [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Cannot read the webhook certificate in {Directory}: {Reason}")]
        public static partial void Unreadable(ILogger logger, string directory, string reason);
    }
}
