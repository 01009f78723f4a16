using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Client;

/// <summary>
/// <see cref="IKubernetesClient"/> on KubernetesClient: GenericClient for CRUD, CustomObjects for status and
/// watches. A request answered 429 (API Priority and Fairness) or 503 with <c>Retry-After</c> is retried after
/// that many seconds, at most <see cref="MaxThrottleRetries"/> times, as client-go's REST client does; then the
/// 429 surfaces to the caller (the controller's rate limiter, the informer's backoff).
/// </summary>
internal sealed class KubernetesClient(IKubernetes kubernetes, TimeProvider? time = null) : IKubernetesClient
{
    public Uri Server => kubernetes.BaseUri;

    public const int MaxThrottleRetries = 10;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Requests retried after a Retry-After, since start.</summary>
    public int ThrottleRetries => Volatile.Read(ref _throttleRetries);

    private int _throttleRetries;

    public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) =>
        ThrottledAsync(async () => (await kubernetes.Version.GetCodeAsync(cancellationToken)).GitVersion, cancellationToken);

    public Task<TEntity?> GetAsync<TEntity>(string name, string? ns, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => ThrottledAsync(() => GetOnceAsync<TEntity>(name, ns, cancellationToken), cancellationToken);

    public Task<(IReadOnlyList<TEntity> Items, string ResourceVersion)> ListAsync<TEntity>(string? ns, string? labelSelector, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => ThrottledAsync(() => ListOnceAsync<TEntity>(ns, labelSelector, cancellationToken), cancellationToken);

    public Task<TEntity> UpdateStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => ThrottledAsync(() => UpdateStatusOnceAsync(entity, cancellationToken), cancellationToken);

    public Task DeleteAsync<TEntity>(string name, string? ns, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => ThrottledAsync(async () =>
        {
            await DeleteOnceAsync<TEntity>(name, ns, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task<TEntity?> GetOnceAsync<TEntity>(string name, string? ns, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            using var client = Generic<TEntity>();
            return ns is null ? await client.ReadAsync<TEntity>(name, cancellationToken) : await client.ReadNamespacedAsync<TEntity>(ns, name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<(IReadOnlyList<TEntity> Items, string ResourceVersion)> ListOnceAsync<TEntity>(string? ns, string? labelSelector, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var meta = EntityMetadata.Of<TEntity>();
        using var response = ns is null
            ? await kubernetes.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync(meta.Group, meta.Version, meta.Plural, labelSelector: labelSelector, cancellationToken: cancellationToken)
            : await kubernetes.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(meta.Group, meta.Version, ns, meta.Plural, labelSelector: labelSelector, cancellationToken: cancellationToken);
        // Straight from the parsed body: a text copy of a list of 1,000 environments would be tens of MiB more at every relist.
        var list = KubernetesJson.Deserialize<EntityList<TEntity>>((JsonElement)response.Body);
        return (list.Items ?? [], list.Metadata?.ResourceVersion ?? "");
    }

    public async IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> WatchAsync<TEntity>(string? ns, string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var meta = EntityMetadata.Of<TEntity>();
        Exception? failure = null;
        var events = ns is null
            ? kubernetes.CustomObjects.WatchListClusterCustomObjectAsync(meta.Group, meta.Version, meta.Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: e => failure = e, cancellationToken: cancellationToken)
            : kubernetes.CustomObjects.WatchListNamespacedCustomObjectAsync(meta.Group, meta.Version, ns, meta.Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: e => failure = e, cancellationToken: cancellationToken);
        await foreach (var (type, item) in events)
        {
            var element = item is JsonElement parsed ? parsed : JsonSerializer.SerializeToElement(item);
            if (type == WatchEventType.Error)
            {
                throw new WatchExpiredException($"The watch of {meta.Plural} from resourceVersion {resourceVersion} ended with an error: {element.GetRawText()}");
            }

            yield return (type, KubernetesJson.Deserialize<TEntity>(element));
        }

        if (failure is KubernetesException { Status.Code: 410 } || failure?.Message.Contains("too old resource version", StringComparison.Ordinal) == true)
        {
            throw new WatchExpiredException($"The watch of {meta.Plural} from resourceVersion {resourceVersion} expired: {failure.Message}");
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    public Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => WriteAsync(entity, async client => entity.Metadata.NamespaceProperty is { } ns
            ? await client.CreateNamespacedAsync(entity, ns, cancellationToken)
            : await client.CreateAsync(entity, cancellationToken), cancellationToken);

    public Task<TEntity> UpdateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => WriteAsync(entity, async client => entity.Metadata.NamespaceProperty is { } ns
            ? await client.ReplaceNamespacedAsync(entity, ns, entity.Metadata.Name, cancellationToken)
            : await client.ReplaceAsync(entity, entity.Metadata.Name, cancellationToken), cancellationToken);

    private async Task<TEntity> UpdateStatusOnceAsync<TEntity>(TEntity entity, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var meta = EntityMetadata.Of<TEntity>();
        try
        {
            var body = entity.Metadata.NamespaceProperty is { } ns
                ? await kubernetes.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(entity, meta.Group, meta.Version, ns, meta.Plural, entity.Metadata.Name, cancellationToken: cancellationToken)
                : await kubernetes.CustomObjects.ReplaceClusterCustomObjectStatusAsync(entity, meta.Group, meta.Version, meta.Plural, entity.Metadata.Name, cancellationToken: cancellationToken);
            return KubernetesJson.Deserialize<TEntity>((JsonElement)body);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ConflictException($"The status of {meta.Plural} {entity.Metadata.NamespaceProperty}/{entity.Metadata.Name} changed since it was read.", e);
        }
    }

    private async Task DeleteOnceAsync<TEntity>(string name, string? ns, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        using var client = Generic<TEntity>();
        try
        {
            _ = ns is null ? await client.DeleteAsync<TEntity>(name, cancellationToken) : await client.DeleteNamespacedAsync<TEntity>(ns, name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    private Task<TEntity> WriteAsync<TEntity>(TEntity entity, Func<GenericClient, Task<TEntity>> write, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => ThrottledAsync(() => WriteOnceAsync(entity, write), cancellationToken);

    private async Task<TEntity> WriteOnceAsync<TEntity>(TEntity entity, Func<GenericClient, Task<TEntity>> write)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        using var client = Generic<TEntity>();
        try
        {
            return await write(client);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ConflictException($"{typeof(TEntity).Name} {entity.Metadata.NamespaceProperty}/{entity.Metadata.Name} changed since it was read (or already exists).", e);
        }
    }

    /// <summary>Runs a request, waiting out 429/503 answers that carry Retry-After, at most <see cref="MaxThrottleRetries"/> times.</summary>
    private async Task<T> ThrottledAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (HttpOperationException e) when (attempt < MaxThrottleRetries && RetryAfter(e) is { } delay)
            {
                var wait = Task.Delay(delay, _time, cancellationToken);
                Interlocked.Increment(ref _throttleRetries);
                await wait;
            }
        }
    }

    /// <summary>The wait a 429 or 503 asks for (seconds in <c>Retry-After</c>, at least 1 s, at most 60 s), or null.</summary>
    internal static TimeSpan? RetryAfter(HttpOperationException e)
    {
        if (e.Response?.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || e.Response.Headers is null
            || !e.Response.Headers.TryGetValue("Retry-After", out var values))
        {
            return null;
        }

        var seconds = int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1;
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 1, (int)MaxRetryAfter.TotalSeconds));
    }

    private GenericClient Generic<TEntity>()
    {
        var meta = EntityMetadata.Of<TEntity>();
        return new GenericClient(kubernetes, meta.Group, meta.Version, meta.Plural, disposeClient: false);
    }
}
