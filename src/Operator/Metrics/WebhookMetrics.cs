using Prometheus;

namespace DataPlatform.Operator.Metrics;

/// <summary>controller-runtime's webhook metric families: requests by HTTP code, latency and requests in flight, per webhook path.</summary>
internal sealed class WebhookMetrics(IMetricFactory factory)
{
    private readonly Counter _requests = factory.CreateCounter(
        "controller_runtime_webhook_requests_total", "Total number of admission requests by HTTP status code.", ["webhook", "code"]);

    private readonly Histogram _latency = factory.CreateHistogram(
        "controller_runtime_webhook_latency_seconds", "Histogram of the latency of processing admission requests",
        new HistogramConfiguration { LabelNames = ["webhook"], Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private readonly Gauge _inFlight = factory.CreateGauge(
        "controller_runtime_webhook_requests_in_flight", "Current number of admission requests being served.", ["webhook"]);

    /// <summary>Declares the series of a webhook so they exist (at zero) before its first request.</summary>
    public void Declare(string webhook)
    {
        _requests.WithLabels(webhook, "200");
        _requests.WithLabels(webhook, "500");
        _inFlight.WithLabels(webhook).Set(0);
        _latency.WithLabels(webhook);
    }

    public void Started(string webhook) => _inFlight.WithLabels(webhook).Inc();

    public void Finished(string webhook, int code, TimeSpan duration)
    {
        _inFlight.WithLabels(webhook).Dec();
        _requests.WithLabels(webhook, code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        _latency.WithLabels(webhook).Observe(duration.TotalSeconds);
    }
}
