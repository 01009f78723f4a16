using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// An in-process Kubernetes API server on loopback, serving what the operator calls with the real semantics
/// written in SEMANTICS.md: CRUD, the status subresource, list with selectors, watches with bookmarks and 410
/// Gone, merge and JSON patches, finalizers, garbage collection; with fault injection and a request log.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Group, string Plural), ResourceType> _types;
    private WebApplication? _app;

    public FakeApiServer(IEnumerable<ResourceType> customResources, TimeProvider? time = null)
    {
        _types = new(ResourceType.Builtin.Concat(customResources).ToDictionary(t => (t.Group, t.Plural)));
        Time = time ?? TimeProvider.System;
        Store = new ObjectStore(_types.Values.Where(t => t.StatusSubresource).Select(t => t.Plural).ToHashSet(StringComparer.Ordinal), Time);
        Faults = new FaultInjection(Time);
    }

    /// <summary>
    /// Updates an installed CRD (<c>kubectl apply</c> of a new version of it, say with stricter rules): later
    /// writes go through the new schema; stored objects are not revalidated, as on the real server.
    /// </summary>
    public void UpdateCustomResourceDefinition(ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!_types.TryGetValue((type.Group, type.Plural), out var installed) || installed.StatusSubresource != type.StatusSubresource)
        {
            throw new ArgumentException($"{type.Plural}.{type.Group} is not installed with the same status subresource.", nameof(type));
        }

        _types[(type.Group, type.Plural)] = type;
    }

    /// <summary>The server's clock: storms, garbage-collection delays and timestamps follow it.</summary>
    public TimeProvider Time { get; }

    /// <summary>Validating admission webhooks registered from a ValidatingWebhookConfiguration.</summary>
    public AdmissionWebhooks Webhooks { get; } = new();

    public ObjectStore Store { get; }

    public FaultInjection Faults { get; }

    public RequestLog Requests { get; } = new();

    /// <summary>
    /// How long the server keeps a watch open before it closes it (kube-apiserver's <c>--min-request-timeout</c>,
    /// 1800 s randomised up to twice that); a client's shorter <c>timeoutSeconds</c> wins.
    /// </summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often an open watch that asked for bookmarks gets one.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Serves <c>pods/{name}/log</c>; set by <see cref="FakeKubelet"/>, which runs the pods.</summary>
    public IPodLogSource? PodLogs { get; set; }

    public Uri Address { get; private set; } = new("http://127.0.0.1");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Map("/{**path}", HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
    }

    /// <summary>Waits until the condition holds on the store, re-checking after every write; fails at the deadline.</summary>
    public async Task WaitUntilAsync(Func<ObjectStore, bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition(Store))
        {
            var changed = Store.Changed;
            if (condition(Store))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for: {what}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            Store.DropWatches();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            if (Faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(Faults.Latency, context.RequestAborted);
            }

            if (segments is ["version"])
            {
                await context.Response.WriteAsJsonAsync(new { major = "1", minor = "33", gitVersion = "v1.33.0-fake" });
                return;
            }

            if (segments is ["api", "v1", "namespaces", var podNamespace, "pods", var podName, "log"])
            {
                Requests.Record("GET", "pods/log");
                await (PodLogs ?? throw new ApiErrorException(404, "NotFound", $"pods \"{podName}\" not found")).ServeAsync(context, podNamespace, podName);
                return;
            }

            var route = Route.Parse(segments) ?? throw new ApiErrorException(404, "NotFound", "the server could not find the requested resource");
            if (!_types.TryGetValue((route.Group, route.Plural), out var type))
            {
                throw new ApiErrorException(404, "NotFound", $"the server could not find the requested resource ({route.Plural})");
            }

            var watch = context.Request.Query["watch"] is { Count: > 0 } w && w[0] is "true" or "1";
            var verb = context.Request.Method switch
            {
                "GET" when route.Name is null => watch ? "WATCH" : "LIST",
                var m => m,
            };
            var resource = route.Status ? $"{route.Plural}/status" : route.Plural;
            Requests.Record(verb, resource);
            if (Faults.Throttle(route.Plural) is { } retryAfter)
            {
                throw ApiErrorException.TooManyRequests(retryAfter);
            }

            if (Faults.Take(verb, route.Plural) is { } code)
            {
                throw code == 409 ? ApiErrorException.Conflict(route.Plural, route.Name ?? "") : new ApiErrorException(code, "InternalError", "Internal error occurred: injected fault");
            }

            if (watch)
            {
                await WatchAsync(context, type, route);
                return;
            }

            var result = await ExecuteAsync(context, type, route);
            context.Response.StatusCode = context.Request.Method == "POST" ? 201 : 200;
            await context.Response.WriteAsync(result.ToJsonString(), context.RequestAborted);
        }
        catch (ApiErrorException e)
        {
            if (e.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            context.Response.StatusCode = e.Code;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(e.Status().ToJsonString(), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or System.Text.Json.JsonException)
        {
            var error = new ApiErrorException(500, "InternalError", $"Internal error occurred: {e.Message}");
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync(error.Status().ToJsonString(), context.RequestAborted);
        }
    }

    private async Task<JsonObject> ExecuteAsync(HttpContext context, ResourceType type, Route route)
    {
        var ns = route.Namespace ?? "";
        switch (context.Request.Method)
        {
            case "GET" when route.Name is not null:
                return Store.Get(new ResourceKey(type.Group, type.Plural, ns, route.Name));
            case "GET":
                var (items, revision) = Store.List(type.Group, type.Plural, route.Namespace,
                    Selectors.Parse(context.Request.Query["labelSelector"], context.Request.Query["fieldSelector"]));
                return new JsonObject
                {
                    ["apiVersion"] = type.ApiVersion,
                    ["kind"] = type.Kind + "List",
                    ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
                    ["items"] = new JsonArray(items.Cast<JsonNode>().ToArray()),
                };
            case "POST":
                var body = await BodyAsync(context);
                var metadata = body["metadata"] as JsonObject ?? throw new ApiErrorException(422, "Invalid", "metadata is required");
                var name = (string?)metadata["name"] ?? ((string?)metadata["generateName"] is { } prefix
                    ? prefix + Guid.NewGuid().ToString("N")[..5]
                    : throw new ApiErrorException(422, "Invalid", "metadata.name: Required value: name or generateName is required"));
                if (Store.IsTerminating(ns))
                {
                    throw ApiErrorException.NamespaceTerminating(type, name, ns);
                }

                if (type.StatusSubresource)
                {
                    body.Remove("status");
                }

                ContainerResources.Validate(type, name, body);
                var sentBody = (JsonObject)body.DeepClone();
                body = await CustomResourceWrites.AdmitAsync(type, name, "CREATE", body, null, false, context, Webhooks);
                ManagedFields.Track(context, body, sentBody, null, type.ApiVersion, status: false, Time.GetUtcNow());
                return Store.Create(new ResourceKey(type.Group, type.Plural, ns, name), body);
            case "PUT":
                var key = new ResourceKey(type.Group, type.Plural, ns, route.Name!);
                var replacement = await BodyAsync(context);
                return await UpdateAsync(context, type, route, key, Store.Get(key), replacement);
            case "PATCH":
                var target = new ResourceKey(type.Group, type.Plural, ns, route.Name!);
                var current = Store.Get(target);
                var patched = Patches.Apply(current, await BodyAsync(context), context.Request.ContentType ?? "");
                return await UpdateAsync(context, type, route, target, current, patched);
            case "DELETE":
                return Store.Delete(new ResourceKey(type.Group, type.Plural, ns, route.Name!));
            default:
                throw new ApiErrorException(405, "MethodNotAllowed", $"{context.Request.Method} is not supported");
        }
    }

    /// <summary>
    /// An UPDATE through the write path: what the store will keep (status from the stored object on the main
    /// resource, everything but status from it on /status) is what schema validation and the webhooks judge.
    /// </summary>
    private async Task<JsonObject> UpdateAsync(HttpContext context, ResourceType type, Route route, ResourceKey key, JsonObject current, JsonObject sent)
    {
        JsonObject candidate;
        if (route.Status)
        {
            candidate = (JsonObject)current.DeepClone();
            candidate["status"] = sent["status"]?.DeepClone();
        }
        else
        {
            candidate = (JsonObject)sent.DeepClone();
            if (type.StatusSubresource)
            {
                candidate["status"] = current["status"]?.DeepClone();
            }

            if (candidate["metadata"] is JsonObject metadata && current["metadata"] is JsonObject stored)
            {
                foreach (var kept in new[] { "uid", "creationTimestamp", "deletionTimestamp", "generation", "name", "namespace" })
                {
                    metadata[kept] = stored[kept]?.DeepClone();
                }
            }
        }

        if (candidate["status"] is null)
        {
            candidate.Remove("status");
        }

        var admitted = await CustomResourceWrites.AdmitAsync(type, key.Name, "UPDATE", candidate, current, route.Status, context, Webhooks);
        if (sent["metadata"]?["resourceVersion"] is { } version && admitted["metadata"] is JsonObject admittedMetadata)
        {
            admittedMetadata["resourceVersion"] = version.DeepClone();
        }
        else if (admitted["metadata"] is JsonObject unconditional)
        {
            unconditional.Remove("resourceVersion");
        }

        ManagedFields.Track(context, admitted, sent, current, type.ApiVersion, route.Status, Time.GetUtcNow());
        return route.Status ? Store.ReplaceStatus(key, admitted) : Store.Replace(key, admitted);
    }

    private async Task WatchAsync(HttpContext context, ResourceType type, Route route)
    {
        var query = context.Request.Query;
        var filter = Selectors.Parse(query["labelSelector"], query["fieldSelector"]);
        var bookmarks = query["allowWatchBookmarks"] is { Count: > 0 } b && b[0] == "true";
        var timeout = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) && TimeSpan.FromSeconds(seconds) < WatchTimeout
            ? TimeSpan.FromSeconds(seconds)
            : WatchTimeout;
        context.Response.ContentType = "application/json";
        await context.Response.Body.FlushAsync(context.RequestAborted);

        bool Matches(WatchEvent e) => e.Key.Group == type.Group && e.Key.Plural == type.Plural
            && (route.Namespace is null || e.Key.Namespace == route.Namespace) && (e.Type == "DELETED" || filter(e.Body));

        async Task SendAsync(string eventType, JsonObject body) =>
            await context.Response.WriteAsync(new JsonObject { ["type"] = eventType, ["object"] = body }.ToJsonString() + "\n", context.RequestAborted);

        long since;
        List<WatchEvent> backlog;
        System.Threading.Channels.ChannelReader<WatchEvent> live;
        Action unsubscribe;
        var requested = (string?)query["resourceVersion"];
        if (Faults.TakeWatchError() is { } watchError)
        {
            await SendAsync("ERROR", watchError);
            return;
        }

        try
        {
            if (string.IsNullOrEmpty(requested) || requested == "0")
            {
                var (items, revision) = Store.List(type.Group, type.Plural, route.Namespace, filter);
                (backlog, live, unsubscribe) = Store.Watch(revision);
                foreach (var item in items)
                {
                    await SendAsync("ADDED", item);
                }

                since = revision;
            }
            else
            {
                since = long.Parse(requested, CultureInfo.InvariantCulture);
                (backlog, live, unsubscribe) = Store.Watch(since);
            }
        }
        catch (ApiErrorException e) when (e.Code == 410)
        {
            await SendAsync("ERROR", e.Status());
            return;
        }

        try
        {
            foreach (var change in backlog.Where(Matches))
            {
                await SendAsync(change.Type, change.Body);
                since = change.ResourceVersion;
            }

            await context.Response.Body.FlushAsync(context.RequestAborted);
            using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            end.CancelAfter(timeout);
            while (!end.IsCancellationRequested)
            {
                var next = live.WaitToReadAsync(end.Token).AsTask();
                var tick = bookmarks ? Task.Delay(BookmarkInterval, end.Token) : Task.Delay(Timeout.Infinite, end.Token);
                var first = await Task.WhenAny(next, tick);
                if (first == next)
                {
                    if (!await next)
                    {
                        return;
                    }

                    while (live.TryRead(out var change))
                    {
                        since = change.ResourceVersion;
                        if (Matches(change))
                        {
                            await SendAsync(change.Type, change.Body);
                        }
                    }
                }
                else if (bookmarks && !end.IsCancellationRequested)
                {
                    await SendAsync("BOOKMARK", new JsonObject
                    {
                        ["kind"] = type.Kind,
                        ["apiVersion"] = type.ApiVersion,
                        ["metadata"] = new JsonObject { ["resourceVersion"] = Math.Max(since, Store.Revision).ToString(CultureInfo.InvariantCulture) },
                    });
                }

                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            unsubscribe();
        }
    }

    private static async Task<JsonObject> BodyAsync(HttpContext context) =>
        await System.Text.Json.JsonSerializer.DeserializeAsync<JsonNode>(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
        ?? throw new ApiErrorException(400, "BadRequest", "the request body is not a JSON object");

    private sealed record Route(string Group, string? Namespace, string Plural, string? Name, bool Status)
    {
        public static Route? Parse(string[] s)
        {
            int rest;
            string group;
            if (s.Length >= 2 && s[0] == "api")
            {
                (group, rest) = ("", 2);
            }
            else if (s.Length >= 3 && s[0] == "apis")
            {
                (group, rest) = (s[1], 3);
            }
            else
            {
                return null;
            }

            var tail = s[rest..];
            string? ns = null;
            if (tail.Length >= 3 && tail[0] == "namespaces")
            {
                ns = tail[1];
                tail = tail[2..];
            }

            return tail switch
            {
                [var plural] => new Route(group, ns, plural, null, false),
                [var plural, var name] => new Route(group, ns, plural, name, false),
                [var plural, var name, "status"] => new Route(group, ns, plural, name, true),
                _ => null,
            };
        }
    }
}
