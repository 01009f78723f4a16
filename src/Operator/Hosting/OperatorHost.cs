using DataPlatform.Operator.Runtime;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;
using Prometheus;

namespace DataPlatform.Operator.Hosting;

/// <summary>
/// The operator's web host: the controller runtime; /metrics, /healthz and /readyz on the HTTP port; the validating
/// webhook on the TLS port only (when a certificate is mounted), its certificate re-read when the files change.
/// Settings come from appsettings.json and DATAPLATFORM_-prefixed environment variables
/// (DATAPLATFORM_Operator__MaxConcurrentReconciles=16).
/// </summary>
public static class OperatorHost
{
    public const string EnvironmentPrefix = "DATAPLATFORM_";

    /// <summary>Time after the drain and the engine's interrupt grace for clearing locks, writing status and releasing the lease.</summary>
    public static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(30);

    public static WebApplication Build(IReadOnlyList<string> args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. args], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables(EnvironmentPrefix).AddCommandLine([.. args]);
        OperatorLogging.Configure(builder);
        builder.Services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.Port is >= 0 and <= 65535, "Webhook:Port must be 0 to 65535.")
            .Validate(o => o.MaxRequestBodyBytes > 0, "Webhook:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Webhook:RequestTimeout must be positive.")
            .Validate(o => o.CertificateCheckInterval >= TimeSpan.Zero, "Webhook:CertificateCheckInterval must not be negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<WebhookCertificate>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout(builder.Configuration));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Read when the server starts, so every configuration source (tests add theirs after Build's defaults) counts.
            var webhook = kestrel.ApplicationServices.GetRequiredService<IOptions<WebhookOptions>>().Value;
            kestrel.Limits.MaxRequestBodySize = webhook.MaxRequestBodyBytes;
            kestrel.ListenAnyIP(builder.Configuration.GetValue("Http:Port", 8080));
            var certificate = kestrel.ApplicationServices.GetRequiredService<WebhookCertificate>();
            if (certificate.Present)
            {
                kestrel.ListenAnyIP(webhook.Port, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificateSelector = (_, _) => certificate.Current(),
                }));
            }
        });
        builder.Services.AddDataPlatformOperator(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        var readiness = app.Services.GetRequiredService<OperatorReadiness>();
        var started = false;
        app.Lifetime.ApplicationStarted.Register(() => started = true);
        readiness.Require("http", () => started ? null : "the host has not started yet");
        var serving = app.Services.GetRequiredService<WebhookCertificate>();
        if (serving.Present)
        {
            readiness.Require("webhook", () => serving.Problem);
        }

        // The TLS port serves only the webhook; the HTTP port everything else. The webhook is never reachable in plain HTTP.
        app.Use((context, next) =>
        {
            if ((context.Request.Path == Webhooks.AdmissionReviewHandler.Path) != context.Request.IsHttps)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.MapGet("/healthz", (Runtime.Watch.InformerHealth informers) => informers.Failure is { } failure
            ? Results.Text(failure, statusCode: StatusCodes.Status500InternalServerError)
            : Results.Text("ok"));
        app.MapGet("/readyz", (OperatorReadiness ready) => ready.Problems() is { Count: > 0 } problems
            ? Results.Text(string.Join("\n", problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ok"));
        app.MapMetrics("/metrics", app.Services.GetRequiredService<Metrics.OperatorMetrics>().Registry);
        WebhookEndpoint.Map(app, app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value);
        return app;
    }

    /// <summary>
    /// How long the host waits for a clean stop: Host:ShutdownTimeout, by default the leader's drain
    /// (Operator:ShutdownTimeout) plus the engine's interrupt grace (Engine:CancelGracePeriod) plus
    /// <see cref="ShutdownMargin"/>. The pod's terminationGracePeriodSeconds must exceed it.
    /// </summary>
    public static TimeSpan ShutdownTimeout(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<TimeSpan?>("Host:ShutdownTimeout")
            ?? configuration.GetValue("Operator:ShutdownTimeout", new OperatorOptions().ShutdownTimeout)
            + configuration.GetValue("Engine:CancelGracePeriod", new Stack.Engine.StackEngineOptions().CancelGracePeriod)
            + ShutdownMargin;
    }
}
