using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Runtime.Abstractions;

namespace DataPlatform.Operator.Metrics;

/// <summary>
/// Keeps <c>dataplatform_environments{phase}</c> and <c>dataplatform_environment_conditions{type,status}</c> true:
/// counted from the controller's cache when /metrics is scraped, so they cost nothing between scrapes and never
/// drift from what the operator knows. An environment without a status yet counts as Pending; one without a
/// condition of a type counts under that type as Unknown. A standby's cache is empty, so it reports zeros.
/// </summary>
internal sealed class EnvironmentMetrics(OperatorMetrics metrics, IEntityCache<V1Alpha1DataPlatformEnvironment> cache) : IHostedService
{
    private static readonly string[] Types = ["Ready", "Reconciling", "Stalled"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.Registry.AddBeforeCollectCallback(() =>
        {
            var environments = cache.Cached();
            metrics.EnvironmentsByPhase(CountPhases(environments));
            metrics.EnvironmentsByCondition(CountConditions(environments));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static Dictionary<string, int> CountPhases(IEnumerable<V1Alpha1DataPlatformEnvironment> environments) =>
        environments.GroupBy(e => (e.Status?.Phase ?? EnvironmentPhase.Pending).ToString())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static Dictionary<(string Type, string Status), int> CountConditions(IEnumerable<V1Alpha1DataPlatformEnvironment> environments) =>
        environments.SelectMany(e => Types.Select(type => (Type: type, Status: StatusOf(e, type).ToString())))
            .GroupBy(pair => pair)
            .ToDictionary(g => g.Key, g => g.Count());

    private static ConditionStatus StatusOf(V1Alpha1DataPlatformEnvironment environment, string type) =>
        (environment.Status?.Conditions ?? []).FirstOrDefault(c => c.Type == type)?.Status ?? ConditionStatus.Unknown;
}
