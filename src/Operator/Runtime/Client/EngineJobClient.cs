using System.Net;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Client;

/// <summary><see cref="IEngineJobClient"/> on KubernetesClient's typed batch/v1 and core/v1 APIs.</summary>
internal sealed class EngineJobClient(IKubernetes kubernetes) : IEngineJobClient
{
    public Task<V1Job> CreateJobAsync(V1Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return kubernetes.BatchV1.CreateNamespacedJobAsync(job, job.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
    }

    public async Task<V1Job?> GetJobAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await kubernetes.BatchV1.ReadNamespacedJobAsync(name, ns, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<V1Job>> ListJobsAsync(string ns, string labelSelector, CancellationToken cancellationToken) =>
        (await kubernetes.BatchV1.ListNamespacedJobAsync(ns, labelSelector: labelSelector, cancellationToken: cancellationToken)).Items.ToList();

    public async Task DeleteJobAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            await kubernetes.BatchV1.DeleteNamespacedJobAsync(name, ns, propagationPolicy: "Background", cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    public async Task<IReadOnlyList<V1Pod>> ListPodsAsync(string ns, string labelSelector, CancellationToken cancellationToken) =>
        (await kubernetes.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector, cancellationToken: cancellationToken)).Items.ToList();

    public async IAsyncEnumerable<string> FollowLogAsync(string ns, string pod, string container, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await kubernetes.CoreV1.ReadNamespacedPodLogAsync(pod, ns, container: container, follow: true, cancellationToken: cancellationToken);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return line;
        }
    }
}
