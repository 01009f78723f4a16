using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Operator.Runtime.Events;
using DataPlatform.Operator.Runtime.LeaderElection;
using k8s;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Runtime;

/// <summary>The runtime's one registration (KubeOps' AddKubernetesOperator); TryAdd everywhere so tests can replace a service.</summary>
public static class OperatorServiceCollectionExtensions
{
    public static OperatorBuilder AddKubernetesOperator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OperatorOptions>()
            .Bind(configuration.GetSection(OperatorOptions.Section))
            .Validate(o => o.MaxConcurrentReconciles is >= 1 and <= 256, "Operator:MaxConcurrentReconciles must be 1 to 256.")
            .Validate(o => o.ResyncPeriod > TimeSpan.Zero, "Operator:ResyncPeriod must be positive.")
            .Validate(o => o.WatchNamespaces.All(n => n.Length is > 0 and <= 63), "Operator:WatchNamespaces must hold namespace names.")
            .Validate(o => !o.LeaderElection.Enabled || o.LeaderElection.RenewDeadline < o.LeaderElection.LeaseDuration, "Operator:LeaderElection:RenewDeadline must be shorter than LeaseDuration.")
            .Validate(o => !o.LeaderElection.Enabled || o.LeaderElection.RetryPeriod < o.LeaderElection.RenewDeadline, "Operator:LeaderElection:RetryPeriod must be shorter than RenewDeadline.")
            .ValidateOnStart();
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<OperatorOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKubernetes>(_ => new Kubernetes(KubernetesClientConfiguration.BuildDefaultConfig()));
        services.TryAddSingleton<IKubernetesClient>(provider => new Client.KubernetesClient(provider.GetRequiredService<IKubernetes>()));
        services.TryAddSingleton<IControllerObserver>(NullControllerObserver.Instance);
        services.TryAddSingleton<KubernetesEventPublisher>();
        services.TryAddSingleton<EventPublisher>(provider => provider.GetRequiredService<KubernetesEventPublisher>().PublishAsync);
        services.TryAddSingleton(provider => ActivatorUtilities.CreateInstance<LeaseLeaderElector>(
            provider, provider.GetRequiredService<IOptions<OperatorOptions>>().Value.LeaderElection));
        services.TryAddSingleton<OperatorReadiness>();
        services.AddHostedService<OperatorHostedService>();
        return new OperatorBuilder(services);
    }
}
