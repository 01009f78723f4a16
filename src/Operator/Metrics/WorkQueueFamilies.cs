using Prometheus;

namespace DataPlatform.Operator.Metrics;

/// <summary>client-go's workqueue metric families (names, help and buckets as its Prometheus provider registers them), labelled by queue name.</summary>
internal sealed class WorkQueueFamilies(IMetricFactory factory)
{
    private static readonly double[] LatencyBuckets = Histogram.ExponentialBuckets(10e-9, 10, 12);

    public Gauge Depth { get; } = factory.CreateGauge("workqueue_depth", "Current depth of workqueue", ["name"]);

    public Counter Adds { get; } = factory.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue", ["name"]);

    public Histogram QueueDuration { get; } = factory.CreateHistogram(
        "workqueue_queue_duration_seconds", "How long in seconds an item stays in workqueue before being requested",
        new HistogramConfiguration { LabelNames = ["name"], Buckets = LatencyBuckets });

    public Histogram WorkDuration { get; } = factory.CreateHistogram(
        "workqueue_work_duration_seconds", "How long in seconds processing an item from workqueue takes.",
        new HistogramConfiguration { LabelNames = ["name"], Buckets = LatencyBuckets });

    public Gauge UnfinishedWork { get; } = factory.CreateGauge(
        "workqueue_unfinished_work_seconds",
        "How many seconds of work has been done that is in progress and hasn't been observed by work_duration. Large values indicate stuck threads. One can deduce the number of stuck threads by observing the rate at which this increases.",
        ["name"]);

    public Gauge LongestRunning { get; } = factory.CreateGauge(
        "workqueue_longest_running_processor_seconds", "How many seconds has the longest running processor for workqueue been running.", ["name"]);

    public Counter Retries { get; } = factory.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue", ["name"]);
}
