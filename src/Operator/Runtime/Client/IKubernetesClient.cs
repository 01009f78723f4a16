using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Client;

/// <summary>
/// Everything the operator asks of the API server, one interface wide; only this folder knows KubernetesClient's
/// IKubernetes. Writes carry the resourceVersion they read and fail with <see cref="ConflictException"/> when it
/// is stale; status goes through the status subresource.
/// </summary>
public interface IKubernetesClient
{
    /// <summary>The API server this client talks to.</summary>
    Uri Server { get; }

    Task<string> GetServerVersionAsync(CancellationToken cancellationToken);

    Task<TEntity?> GetAsync<TEntity>(string name, string? ns, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    Task<(IReadOnlyList<TEntity> Items, string ResourceVersion)> ListAsync<TEntity>(string? ns, string? labelSelector, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Watches from a resourceVersion, bookmarks included; a 410 Gone ends it with <see cref="WatchExpiredException"/>.</summary>
    IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> WatchAsync<TEntity>(string? ns, string resourceVersion, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    Task<TEntity> UpdateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    Task<TEntity> UpdateStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    Task DeleteAsync<TEntity>(string name, string? ns, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;
}
