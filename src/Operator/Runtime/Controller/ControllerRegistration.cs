namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>Which controller and finalizer serve an entity type.</summary>
internal sealed record ControllerRegistration<TEntity>(Type ControllerType, Type? FinalizerType, string? FinalizerName);
