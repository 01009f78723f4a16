using DataPlatform.Stack.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Stack;

/// <summary>Registers the stack engine; every service with TryAdd so tests can replace it.</summary>
public static class StackServiceCollectionExtensions
{
    public static IServiceCollection AddDataPlatformStack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StackEngineOptions>().Bind(configuration.GetSection(StackEngineOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StackEngineOptions>, StackEngineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStackEngine, PulumiCliEngine>();
        return services;
    }
}
