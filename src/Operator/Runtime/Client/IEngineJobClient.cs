using k8s.Models;

namespace DataPlatform.Operator.Runtime.Client;

/// <summary>
/// What Job mode asks of the API server (DESIGN.md section 10), one interface wide: Jobs in the operator's
/// namespace (create, get, list, delete with background propagation so their pods go too), their pods (list) and
/// a pod's log followed while it runs. RBAC grants exactly these (config/rbac/expected-calls.yaml, engineJobs).
/// </summary>
public interface IEngineJobClient
{
    Task<V1Job> CreateJobAsync(V1Job job, CancellationToken cancellationToken);

    Task<V1Job?> GetJobAsync(string ns, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<V1Job>> ListJobsAsync(string ns, string labelSelector, CancellationToken cancellationToken);

    /// <summary>Deletes a Job and (background propagation) its pods and the objects it owns; a missing Job is no error.</summary>
    Task DeleteJobAsync(string ns, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<V1Pod>> ListPodsAsync(string ns, string labelSelector, CancellationToken cancellationToken);

    /// <summary>The container's log lines as they are written (<c>pods/log?follow=true</c>), until the container ends.</summary>
    IAsyncEnumerable<string> FollowLogAsync(string ns, string pod, string container, CancellationToken cancellationToken);
}
