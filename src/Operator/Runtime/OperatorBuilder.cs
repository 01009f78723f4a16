using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Controller;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime;

/// <summary>Registers controllers and finalizers (KubeOps' AddController / AddFinalizer).</summary>
public sealed class OperatorBuilder(IServiceCollection services)
{
    private readonly Dictionary<Type, (Type Controller, Type? Finalizer, string? Name)> _registrations = [];

    public IServiceCollection Services { get; } = services;

    public OperatorBuilder AddController<TController, TEntity>()
        where TController : class, IEntityController<TEntity>
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        Services.AddScoped<TController>();
        _registrations[typeof(TEntity)] = (typeof(TController), null, null);
        Services.AddSingleton(provider =>
        {
            var (controller, finalizer, name) = _registrations[typeof(TEntity)];
            var dispatcher = ActivatorUtilities.CreateInstance<ReconcileDispatcher<TEntity>>(provider, new ControllerRegistration<TEntity>(controller, finalizer, name));
            return ActivatorUtilities.CreateInstance<ControllerRunner<TEntity>>(provider, dispatcher);
        });
        Services.AddSingleton<IControllerRunner>(provider => provider.GetRequiredService<ControllerRunner<TEntity>>());
        Services.AddSingleton<IEntityCache<TEntity>>(provider => provider.GetRequiredService<ControllerRunner<TEntity>>());
        Services.AddSingleton<IEntityResync<TEntity>>(provider => provider.GetRequiredService<ControllerRunner<TEntity>>());
        return this;
    }

    public OperatorBuilder AddFinalizer<TFinalizer, TEntity>(string identifier)
        where TFinalizer : class, IEntityFinalizer<TEntity>
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        if (!_registrations.TryGetValue(typeof(TEntity), out var registration))
        {
            throw new InvalidOperationException($"Add the controller of {typeof(TEntity).Name} before its finalizer.");
        }

        Services.AddScoped<TFinalizer>();
        _registrations[typeof(TEntity)] = registration with { Finalizer = typeof(TFinalizer), Name = identifier };
        return this;
    }
}
