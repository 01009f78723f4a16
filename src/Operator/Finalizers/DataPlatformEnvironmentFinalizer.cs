using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Controllers;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Runtime.Abstractions;

namespace DataPlatform.Operator.Finalizers;

/// <summary>
/// Deletion (DESIGN.md section 7) as a thin shell: the lifecycle decides from the stack in the state backend
/// (Retain releases, no stack releases, protection stalls, otherwise destroy then remove the stack). Success lets
/// the runtime remove the finalizer; anything else keeps it and comes back when the lifecycle says.
/// </summary>
internal sealed class DataPlatformEnvironmentFinalizer(LifecycleDriver driver) : IEntityFinalizer<V1Alpha1DataPlatformEnvironment>
{
    public async Task<ReconciliationResult<V1Alpha1DataPlatformEnvironment>> FinalizeAsync(V1Alpha1DataPlatformEnvironment entity, CancellationToken cancellationToken)
    {
        var (environment, step) = await driver.RunAsync(entity, cancellationToken);
        if (step.Action?.Kind == LifecycleActionKind.ReleaseFinalizer)
        {
            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(environment);
        }

        var why = EnvironmentConditions.Find(step.Status, Condition.Ready)?.Message ?? "the deletion is not finished";
        return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Failure(environment, why, step.Requeue);
    }
}
