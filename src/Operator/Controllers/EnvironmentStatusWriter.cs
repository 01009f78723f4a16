using DataPlatform.Entities;
using DataPlatform.Operator.Runtime.Client;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// Writes status through the status subresource. The operator owns status, so a conflict (someone else changed
/// the object since the cache saw it) is resolved by putting the same status on the latest version, never by
/// redoing the work that produced it (which could mean a second engine run).
/// </summary>
internal sealed class EnvironmentStatusWriter(IKubernetesClient client)
{
    private const int Attempts = 5;

    public async Task<V1Alpha1DataPlatformEnvironment> WriteAsync(V1Alpha1DataPlatformEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var status = environment.Status;
        var current = environment;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.UpdateStatusAsync(current, cancellationToken);
            }
            catch (ConflictException) when (attempt < Attempts)
            {
                current = await client.GetAsync<V1Alpha1DataPlatformEnvironment>(environment.Metadata.Name, environment.Metadata.NamespaceProperty, cancellationToken)
                    ?? throw new InvalidOperationException($"{environment.Metadata.NamespaceProperty}/{environment.Metadata.Name} was deleted while its status was written.");
                current.Status = status;
            }
        }
    }
}
