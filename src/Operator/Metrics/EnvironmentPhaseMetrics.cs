using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Runtime.Controller;

namespace DataPlatform.Operator.Metrics;

/// <summary>
/// Keeps <c>dataplatform_environments{phase}</c> true: counted from the informer cache when /metrics is scraped, so
/// it costs nothing between scrapes and never drifts from what the operator knows. An environment without a status
/// yet counts as Pending.
/// </summary>
internal sealed class EnvironmentPhaseMetrics(OperatorMetrics metrics, ControllerRunner<V1Alpha1DataPlatformEnvironment> runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.Registry.AddBeforeCollectCallback(() => metrics.EnvironmentsByPhase(Count(runner.Cached())));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static Dictionary<string, int> Count(IEnumerable<V1Alpha1DataPlatformEnvironment> environments) =>
        environments.GroupBy(e => (e.Status?.Phase ?? EnvironmentPhase.Pending).ToString())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
