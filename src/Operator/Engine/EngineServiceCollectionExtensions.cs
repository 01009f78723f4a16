using DataPlatform.Operator.Engine.InProcess;
using DataPlatform.Operator.Engine.Jobs;
using DataPlatform.Stack.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Engine;

/// <summary>
/// Chooses where engine runs execute (Engine:Mode): Job mode's <see cref="JobStackEngine"/>, or the CLI driver in
/// process capped by the memory budget. Registered with TryAdd ahead of the stack's own registration, so a test
/// can still replace <see cref="IStackEngine"/>.
/// </summary>
internal static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddEngineMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EngineModeOptions>().Bind(configuration.GetSection(EngineModeOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineModeOptions>, JobEngineOptionsValidator>());
        services.TryAddSingleton<PulumiCliEngine>();
        services.TryAddSingleton<IStackEngine>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EngineModeOptions>>().Value;
            return options.Mode == EngineMode.Job
                ? ActivatorUtilities.CreateInstance<JobStackEngine>(provider)
                : new MemoryCappedStackEngine(provider.GetRequiredService<PulumiCliEngine>(), MemoryCappedStackEngine.Capacity(options.InProcess, PodMemoryLimit.Read()));
        });
        return services;
    }
}
