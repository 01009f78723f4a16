using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// The API server's storage semantics (SEMANTICS.md): one global resourceVersion, optimistic concurrency on
/// writes, generation bumped on spec changes only, the status subresource, finalizers and deletionTimestamp,
/// owner-reference garbage collection, and a change history that watches replay until it is compacted.
/// </summary>
public sealed class ObjectStore(IReadOnlySet<string> statusSubresources, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceKey, JsonObject> _objects = [];
    private readonly List<WatchEvent> _history = [];
    private readonly List<Channel<WatchEvent>> _watchers = [];
    private readonly HashSet<string> _terminating = new(StringComparer.Ordinal);
    private readonly List<ITimer> _collections = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _revision = 100;

    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public long CompactedRevision { get; private set; }

    /// <summary>
    /// How long after its owner is gone the garbage collector deletes a dependent (kube-controller-manager works
    /// asynchronously, never inside the owner's DELETE). Measured on the store's clock.
    /// </summary>
    public TimeSpan GarbageCollectionDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether a namespace is being deleted: creates in it are refused with 403 (NamespaceLifecycle).</summary>
    public bool IsTerminating(string ns)
    {
        lock (_gate)
        {
            return _terminating.Contains(ns);
        }
    }

    /// <summary>
    /// Deletes a namespace as the API server and the namespace controller do: it turns Terminating at once (new
    /// objects, Events included, get 403), and every object in it is deleted (objects with finalizers get a
    /// deletionTimestamp and stay until their finalizers are removed).
    /// </summary>
    public void TerminateNamespace(string ns)
    {
        List<ResourceKey> keys;
        lock (_gate)
        {
            _terminating.Add(ns);
            keys = _objects.Keys.Where(k => k.Namespace == ns).ToList();
        }

        foreach (var key in keys)
        {
            try
            {
                Delete(key);
            }
            catch (ApiErrorException e) when (e.Code == 404)
            {
                // Removed meanwhile (garbage collected or deleted by a client).
            }
        }
    }

    /// <summary>Completes at the next write; tests wait on it instead of sleeping.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public JsonObject Create(ResourceKey key, JsonObject body)
    {
        lock (_gate)
        {
            if (_objects.ContainsKey(key))
            {
                throw new ApiErrorException(409, "AlreadyExists", $"{key.Plural} \"{key.Name}\" already exists");
            }

            var obj = (JsonObject)body.DeepClone();
            var metadata = Metadata(obj);
            metadata["name"] = key.Name;
            if (key.Namespace.Length > 0)
            {
                metadata["namespace"] = key.Namespace;
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Now();
            metadata["generation"] = 1L;
            metadata.Remove("deletionTimestamp");
            if (statusSubresources.Contains(key.Plural))
            {
                obj.Remove("status");
            }

            return Write(key, obj, "ADDED");
        }
    }

    public JsonObject Get(ResourceKey key) => Find(key) ?? throw ApiErrorException.NotFound(key.Plural, key.Name);

    /// <summary>A copy of the object, or null when there is none.</summary>
    public JsonObject? Find(ResourceKey key)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(key, out var obj) ? (JsonObject)obj.DeepClone() : null;
        }
    }

    public (List<JsonObject> Items, long Revision) List(string group, string plural, string? ns, Func<JsonObject, bool> filter)
    {
        lock (_gate)
        {
            var items = _objects
                .Where(o => o.Key.Group == group && o.Key.Plural == plural && (ns is null || o.Key.Namespace == ns) && filter(o.Value))
                .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal).ThenBy(o => o.Key.Name, StringComparer.Ordinal)
                .Select(o => (JsonObject)o.Value.DeepClone())
                .ToList();
            return (items, _revision);
        }
    }

    /// <summary>PUT of the main resource: status changes are ignored where status is a subresource.</summary>
    public JsonObject Replace(ResourceKey key, JsonObject body) => Update(key, body, statusOnly: false);

    /// <summary>PUT of /status: only the status changes, generation never moves.</summary>
    public JsonObject ReplaceStatus(ResourceKey key, JsonObject body) => Update(key, body, statusOnly: true);

    public JsonObject Delete(ResourceKey key)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current))
            {
                throw ApiErrorException.NotFound(key.Plural, key.Name);
            }

            var metadata = Metadata(current);
            if (metadata["finalizers"] is JsonArray { Count: > 0 })
            {
                if (metadata["deletionTimestamp"] is null)
                {
                    var obj = (JsonObject)current.DeepClone();
                    Metadata(obj)["deletionTimestamp"] = Now();
                    return Write(key, obj, "MODIFIED");
                }

                return (JsonObject)current.DeepClone();
            }

            return Remove(key, current);
        }
    }

    /// <summary>Events after a resourceVersion and a reader of the ones to come; 410 Gone when history was compacted past it.</summary>
    public (List<WatchEvent> Backlog, ChannelReader<WatchEvent> Live, Action Unsubscribe) Watch(long since)
    {
        lock (_gate)
        {
            if (since < CompactedRevision)
            {
                throw new ApiErrorException(410, "Expired", $"too old resource version: {since} ({CompactedRevision})");
            }

            var channel = Channel.CreateUnbounded<WatchEvent>();
            _watchers.Add(channel);
            return (_history.Where(e => e.ResourceVersion > since).ToList(), channel.Reader, () =>
            {
                lock (_gate)
                {
                    _watchers.Remove(channel);
                    channel.Writer.TryComplete();
                }
            });
        }
    }

    /// <summary>Forgets the history, so watches from older versions get 410 Gone.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            CompactedRevision = _revision;
            _history.Clear();
        }
    }

    /// <summary>Ends every open watch, as a dropped connection would.</summary>
    public void DropWatches()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }

    /// <summary>
    /// How many stored objects of a kind satisfy a read-only predicate, without copying them (a benchmark's wait
    /// over a thousand objects would otherwise clone all of them under the lock the server needs).
    /// </summary>
    public int Count(string plural, Func<JsonObject, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_gate)
        {
            return _objects.Count(o => o.Key.Plural == plural && predicate(o.Value));
        }
    }

    public IReadOnlyList<JsonObject> Snapshot(string plural)
    {
        lock (_gate)
        {
            return _objects.Where(o => o.Key.Plural == plural).Select(o => (JsonObject)o.Value.DeepClone()).ToList();
        }
    }

    private JsonObject Update(ResourceKey key, JsonObject body, bool statusOnly)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(key, out var current))
            {
                throw ApiErrorException.NotFound(key.Plural, key.Name);
            }

            var sent = (string?)Metadata(body)["resourceVersion"];
            if (sent is not null && sent != (string?)Metadata(current)["resourceVersion"])
            {
                throw ApiErrorException.Conflict(key.Plural, key.Name);
            }

            JsonObject obj;
            if (statusOnly)
            {
                obj = (JsonObject)current.DeepClone();
                obj["status"] = body["status"]?.DeepClone();
                if (Metadata(body)["managedFields"] is JsonArray { Count: > 0 } managed)
                {
                    Metadata(obj)["managedFields"] = managed.DeepClone();
                }
            }
            else
            {
                obj = (JsonObject)body.DeepClone();
                var metadata = Metadata(obj);
                var old = Metadata(current);
                foreach (var immutable in new[] { "uid", "creationTimestamp", "deletionTimestamp", "generation", "name", "namespace" })
                {
                    metadata[immutable] = old[immutable]?.DeepClone();
                }

                if (statusSubresources.Contains(key.Plural))
                {
                    obj["status"] = current["status"]?.DeepClone();
                }

                if (!JsonNode.DeepEquals(obj["spec"], current["spec"]))
                {
                    metadata["generation"] = ((long?)old["generation"] ?? 0) + 1;
                }

                if (metadata["deletionTimestamp"] is not null && metadata["finalizers"] is not JsonArray { Count: > 0 })
                {
                    return Remove(key, obj);
                }
            }

            if (JsonNode.DeepEquals(WithoutVersion(obj), WithoutVersion(current)))
            {
                return (JsonObject)current.DeepClone();
            }

            return Write(key, obj, "MODIFIED");
        }
    }

    private JsonObject Remove(ResourceKey key, JsonObject obj)
    {
        _objects.Remove(key);
        var removed = (JsonObject)obj.DeepClone();
        Metadata(removed)["resourceVersion"] = Next();
        Publish(new WatchEvent(_revision, "DELETED", key, removed));
        if ((string?)Metadata(obj)["uid"] is { } uid)
        {
            _collections.Add(time.CreateTimer(_ => CollectDependents(uid), null, GarbageCollectionDelay, Timeout.InfiniteTimeSpan));
        }

        return removed;
    }

    /// <summary>The garbage collector's pass for one gone owner: its dependents are deleted (background propagation).</summary>
    private void CollectDependents(string uid)
    {
        List<ResourceKey> dependents;
        lock (_gate)
        {
            if (_objects.Values.Any(o => (string?)Metadata(o)["uid"] == uid))
            {
                return;
            }

            dependents = _objects.Where(o => Metadata(o.Value)["ownerReferences"] is JsonArray owners
                    && owners.Any(r => (string?)r?["uid"] == uid))
                .Select(o => o.Key)
                .ToList();
        }

        foreach (var key in dependents)
        {
            try
            {
                Delete(key);
            }
            catch (ApiErrorException e) when (e.Code == 404)
            {
                // A client deleted it first.
            }
        }
    }

    private JsonObject Write(ResourceKey key, JsonObject obj, string type)
    {
        Metadata(obj)["resourceVersion"] = Next();
        _objects[key] = obj;
        Publish(new WatchEvent(_revision, type, key, (JsonObject)obj.DeepClone()));
        return (JsonObject)obj.DeepClone();
    }

    private void Publish(WatchEvent change)
    {
        _history.Add(change);
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(change);
        }

        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private string Next() => (++_revision).ToString(CultureInfo.InvariantCulture);

    private string Now() => time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonObject Metadata(JsonObject obj) => obj["metadata"] as JsonObject ?? (JsonObject)(obj["metadata"] = new JsonObject());

    private static JsonObject WithoutVersion(JsonObject obj)
    {
        var clone = (JsonObject)obj.DeepClone();
        Metadata(clone).Remove("resourceVersion");
        return clone;
    }
}
