using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Failures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Stack;

/// <summary>
/// Registers the stack engine and the failure classifier (the configured Failures:Patterns ahead of the built-in
/// table, validated at start); every service with TryAdd so tests can replace it.
/// </summary>
public static class StackServiceCollectionExtensions
{
    public static IServiceCollection AddDataPlatformStack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StackEngineOptions>().Bind(configuration.GetSection(StackEngineOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StackEngineOptions>, StackEngineOptionsValidator>());
        services.AddOptions<FailureOptions>()
            .Bind(configuration.GetSection(FailureOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FailureOptions>, FailureOptionsValidator>());
        services.TryAddSingleton(provider => FailureClassifier.WithConfigured(
            provider.GetRequiredService<IOptions<FailureOptions>>().Value.Patterns.Select(p => p.ToPattern())));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStackEngine, PulumiCliEngine>();
        return services;
    }
}
