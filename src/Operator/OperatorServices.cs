using DataPlatform.Entities;
using DataPlatform.Operator.Controllers;
using DataPlatform.Operator.Finalizers;
using DataPlatform.Operator.Runtime;
using DataPlatform.Stack;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataPlatform.Operator;

/// <summary>The operator's registration: the runtime, the stack engine, the environment controller and finalizer.</summary>
public static class OperatorServices
{
    public static IServiceCollection AddDataPlatformOperator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataPlatformStack(configuration);
        services.TryAddSingleton<EnvironmentStatusWriter>();
        services.TryAddSingleton<StackRequestFactory>();
        services.TryAddSingleton<EngineRunRecorder>();
        services.TryAddSingleton(provider => new Metrics.OperatorMetrics(Prometheus.Metrics.DefaultRegistry, provider.GetService<TimeProvider>()));
        services.TryAddSingleton<Runtime.Abstractions.IControllerObserver>(provider => provider.GetRequiredService<Metrics.OperatorMetrics>().Runtime);
        services.AddKubernetesOperator(configuration)
            .AddController<DataPlatformEnvironmentController, V1Alpha1DataPlatformEnvironment>()
            .AddFinalizer<DataPlatformEnvironmentFinalizer, V1Alpha1DataPlatformEnvironment>(V1Alpha1DataPlatformEnvironment.Finalizer);
        services.AddHostedService<Metrics.EnvironmentMetrics>();
        return services;
    }
}
