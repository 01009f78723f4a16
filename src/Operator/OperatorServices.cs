using DataPlatform.Entities;
using DataPlatform.Operator.Controllers;
using DataPlatform.Operator.Engine;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Environments.Progress;
using DataPlatform.Operator.Finalizers;
using DataPlatform.Operator.Metrics;
using DataPlatform.Operator.Runtime;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Stack;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator;

/// <summary>The operator's registration: the runtime, the stack engine, the environment controller and finalizer.</summary>
public static class OperatorServices
{
    public static IServiceCollection AddDataPlatformOperator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEngineMode(configuration);
        services.AddDataPlatformStack(configuration);
        services.TryAddSingleton(provider => new OperatorMetrics(Prometheus.Metrics.DefaultRegistry, provider.GetService<TimeProvider>()));
        services.TryAddSingleton<IControllerObserver>(provider => provider.GetRequiredService<OperatorMetrics>().Runtime);
        services.TryAddSingleton<EnvironmentStatusWriter>();
        services.TryAddSingleton<StackRequestFactory>();
        services.TryAddSingleton<ConnectionSecretWriter>();
        services.TryAddSingleton<RunProgressSessions>();
        services.AddOptions<ProgressOptions>().Bind(configuration.GetSection(ProgressOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProgressOptions>, ProgressOptionsValidator>());
        services.TryAddSingleton<Policy.PolicySource>();
        services.TryAddSingleton<Naming.NameClaimCache>();
        services.TryAddSingleton<Naming.NameClashWaits>();
        services.TryAddSingleton<IEntityDependents<V1Alpha1DataPlatformEnvironment>>(provider => provider.GetRequiredService<Naming.NameClashWaits>());
        services.TryAddSingleton<Naming.NameClashJudge>();
        services.TryAddSingleton<Webhooks.TenancyAdmission>();
        services.AddHostedService<Policy.PolicyWatcher>();
        services.TryAddSingleton<LifecycleActions>();
        services.TryAddSingleton<DriftCheckLedger>();
        services.TryAddSingleton<LifecycleDriver>();
        services.AddOptions<RetryOptions>().Bind(configuration.GetSection(RetryOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetryOptions>, RetryOptionsValidator>());
        services.AddKubernetesOperator(configuration)
            .AddController<DataPlatformEnvironmentController, V1Alpha1DataPlatformEnvironment>()
            .AddFinalizer<DataPlatformEnvironmentFinalizer, V1Alpha1DataPlatformEnvironment>(V1Alpha1DataPlatformEnvironment.Finalizer);
        services.AddHostedService<Metrics.EnvironmentMetrics>();
        services.AddHostedService<Hosting.MemoryTrimmer>();
        return services;
    }
}
