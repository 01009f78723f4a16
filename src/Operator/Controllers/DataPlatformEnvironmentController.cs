using DataPlatform.Entities;
using DataPlatform.Operator.Runtime.Abstractions;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// The reconcile of DESIGN.md section 5, as a thin shell: the lifecycle decides, the driver does the I/O. A failed
/// engine run is a successful reconcile that asks to be looked at again; an exception is a bug or an API failure.
/// </summary>
internal sealed class DataPlatformEnvironmentController(LifecycleDriver driver) : IEntityController<V1Alpha1DataPlatformEnvironment>
{
    public async Task<ReconciliationResult<V1Alpha1DataPlatformEnvironment>> ReconcileAsync(V1Alpha1DataPlatformEnvironment entity, CancellationToken cancellationToken)
    {
        var (environment, step) = await driver.RunAsync(entity, cancellationToken);
        return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(environment, step.Requeue);
    }
}
