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
        services.AddOptions<StackEngineOptions>()
            .Bind(configuration.GetSection(StackEngineOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.CliPath), "Engine:CliPath must name the pulumi executable.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.WorkspaceRoot), "Engine:WorkspaceRoot must be a writable folder.")
            .Validate(o => o.RunTimeout > TimeSpan.Zero, "Engine:RunTimeout must be positive.")
            .Validate(o => o.CancelGracePeriod >= TimeSpan.Zero, "Engine:CancelGracePeriod must not be negative.")
            .Validate(o => o.DefaultBackendUrl is null || Uri.TryCreate(o.DefaultBackendUrl, UriKind.Absolute, out _), "Engine:DefaultBackendUrl must be a URL such as s3://bucket or file:///path.")
            .ValidateOnStart();
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
