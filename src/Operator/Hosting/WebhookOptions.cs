namespace DataPlatform.Operator.Hosting;

/// <summary>Settings of the admission webhook's HTTPS listener (configuration section "Webhook").</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhook";

    /// <summary>
    /// controller-runtime's bound: an AdmissionReview carries at most two objects of up to 3 MiB each (the API
    /// server's request limit) and less than 1 MiB besides.
    /// </summary>
    public const long DefaultMaxRequestBodyBytes = 7 * 1024 * 1024;

    /// <summary>The TLS port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 9443;

    /// <summary>Where tls.crt and tls.key are mounted; the listener starts only when both exist at start.</summary>
    public string CertDirectory { get; set; } = "/tmp/k8s-webhook-server/serving-certs";

    /// <summary>How often the certificate files are compared with what is served (cert-manager renewals, Secret updates).</summary>
    public TimeSpan CertificateCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Larger reviews are refused with 413 before their body is read.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The longest a review may take to arrive and be answered; the API server's default timeout is 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
