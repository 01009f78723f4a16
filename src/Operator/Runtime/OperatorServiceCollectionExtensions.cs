using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Operator.Runtime.Events;
using DataPlatform.Operator.Runtime.LeaderElection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Runtime;

/// <summary>The runtime's one registration (KubeOps' AddKubernetesOperator); TryAdd everywhere so tests can replace a service.</summary>
public static class OperatorServiceCollectionExtensions
{
    public static OperatorBuilder AddKubernetesOperator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<OperatorOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        KubernetesClientFactory.Register(services, configuration);
        services.TryAddSingleton<IControllerObserver>(NullControllerObserver.Instance);
        services.TryAddSingleton<KubernetesEventPublisher>();
        services.TryAddSingleton<EventPublisher>(provider => provider.GetRequiredService<KubernetesEventPublisher>().PublishAsync);
        services.TryAddSingleton(provider => ActivatorUtilities.CreateInstance<LeaseLeaderElector>(
            provider, provider.GetRequiredService<IOptions<OperatorOptions>>().Value.LeaderElection));
        services.TryAddSingleton<OperatorReadiness>();
        services.TryAddSingleton<Watch.InformerHealth>();
        services.AddHostedService<OperatorHostedService>();
        return new OperatorBuilder(services);
    }
}
