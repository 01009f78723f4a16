using DataPlatform.Operator.Runtime.Queue;

namespace DataPlatform.Operator.Metrics;

/// <summary>
/// One queue's metrics, kept as client-go's default queue metrics keep them: the time each key was added and each
/// key's processing start, so queue and work durations are measured per key, and the unfinished work and the
/// longest-running processor are computed from the keys in progress when /metrics is scraped.
/// </summary>
internal sealed class WorkQueueMetrics : IWorkQueueObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<object, long> _added = [];
    private readonly Dictionary<object, long> _processing = [];
    private readonly string _name;
    private readonly WorkQueueFamilies _families;
    private readonly TimeProvider _time;

    public WorkQueueMetrics(string name, WorkQueueFamilies families, TimeProvider time)
    {
        (_name, _families, _time) = (name, families, time);
        _families.Depth.WithLabels(name).Set(0);
        _families.Adds.WithLabels(name);
        _families.Retries.WithLabels(name);
        // Every series exists from the start (at zero), so alerts and dashboards never see a metric appear late.
        _families.QueueDuration.WithLabels(name);
        _families.WorkDuration.WithLabels(name);
        UpdateUnfinishedWork();
    }

    public void Added(object key)
    {
        lock (_gate)
        {
            _families.Adds.WithLabels(_name).Inc();
            _families.Depth.WithLabels(_name).Inc();
            _added.TryAdd(key, _time.GetTimestamp());
        }
    }

    public void Taken(object key)
    {
        lock (_gate)
        {
            _families.Depth.WithLabels(_name).Dec();
            var now = _time.GetTimestamp();
            _processing[key] = now;
            if (_added.Remove(key, out var added))
            {
                _families.QueueDuration.WithLabels(_name).Observe(_time.GetElapsedTime(added, now).TotalSeconds);
            }
        }
    }

    public void Done(object key)
    {
        lock (_gate)
        {
            if (_processing.Remove(key, out var started))
            {
                _families.WorkDuration.WithLabels(_name).Observe(_time.GetElapsedTime(started).TotalSeconds);
            }
        }
    }

    public void Retried(object key) => _families.Retries.WithLabels(_name).Inc();

    public void UpdateUnfinishedWork()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            double total = 0, longest = 0;
            foreach (var started in _processing.Values)
            {
                var seconds = _time.GetElapsedTime(started, now).TotalSeconds;
                total += seconds;
                longest = Math.Max(longest, seconds);
            }

            _families.UnfinishedWork.WithLabels(_name).Set(total);
            _families.LongestRunning.WithLabels(_name).Set(longest);
        }
    }
}
