using DataPlatform.Operator.Runtime;
using DataPlatform.Operator.Webhooks;
using k8s;
using Prometheus;

namespace DataPlatform.Operator.Hosting;

/// <summary>
/// The operator's web host: the controller runtime, /metrics, /healthz and /readyz on the HTTP port, and the
/// validating webhook (HTTPS when a certificate is mounted). Settings come from appsettings.json and
/// DATAPLATFORM_-prefixed environment variables (DATAPLATFORM_Operator__MaxConcurrentReconciles=16).
/// </summary>
public static class OperatorHost
{
    public const string EnvironmentPrefix = "DATAPLATFORM_";

    public static WebApplication Build(IReadOnlyList<string> args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. args], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables(EnvironmentPrefix).AddCommandLine([.. args]);
        var http = builder.Configuration.GetValue("Http:Port", 8080);
        var certificates = builder.Configuration.GetValue("Webhook:CertDirectory", "/tmp/k8s-webhook-server/serving-certs")!;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenAnyIP(http);
            var certificate = Path.Combine(certificates, "tls.crt");
            var key = Path.Combine(certificates, "tls.key");
            if (File.Exists(certificate) && File.Exists(key))
            {
                kestrel.ListenAnyIP(builder.Configuration.GetValue("Webhook:Port", 9443), listen =>
                    listen.UseHttps(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(certificate, key)));
            }
        });
        var kubeconfig = builder.Configuration["kubeconfig"];
        builder.Services.AddSingleton<IKubernetes>(_ => new Kubernetes(kubeconfig is null
            ? KubernetesClientConfiguration.BuildDefaultConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)));
        builder.Services.AddDataPlatformOperator(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        var admission = AdmissionReviewHandler.Preflight();
        app.MapGet("/healthz", (Runtime.Watch.InformerHealth informers) => informers.Failure is { } failure
            ? Results.Text(failure, statusCode: 500)
            : Results.Text("ok"));
        app.MapGet("/readyz", (OperatorReadiness readiness) => readiness.Leading ? Results.Text("ok") : Results.Text("waiting for leadership", statusCode: 503));
        app.MapMetrics("/metrics");
        app.MapPost(AdmissionReviewHandler.Path, async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Json(admission.Handle(await reader.ReadToEndAsync(request.HttpContext.RequestAborted)));
        });
        return app;
    }
}
