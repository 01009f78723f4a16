using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using k8s;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// The status a step is building: a copy of the environment's status that transitions change, the events they
/// ask for, and the finished <see cref="LifecycleStep"/>, which says whether the copy differs from what is stored.
/// </summary>
internal sealed class StatusDraft
{
    private readonly string _original;
    private readonly List<LifecycleEvent> _events = [];

    public StatusDraft(LifecycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        // No status yet reads as an empty one, so a step that sets nothing writes nothing.
        _original = KubernetesJson.Serialize(input.Environment.Status ?? new DataPlatformEnvironmentStatus());
        Status = KubernetesJson.Deserialize<DataPlatformEnvironmentStatus>(_original);
    }

    public LifecycleInput Input { get; }

    public V1Alpha1DataPlatformEnvironment Environment => Input.Environment;

    public DataPlatformEnvironmentStatus Status { get; }

    public long Generation => Environment.Metadata.Generation ?? 0;

    public DateTimeOffset Now => Input.Now;

    /// <summary>Whether the draft differs from the stored status.</summary>
    public bool Changed => KubernetesJson.Serialize(Status) != _original;

    public void Publish(LifecycleEvent lifecycleEvent) => _events.Add(lifecycleEvent);

    public LifecycleStep Finish(LifecycleAction? action = null, TimeSpan? requeue = null) =>
        new(Status, Changed, _events.ToList(), action, requeue is { } wait && wait < TimeSpan.Zero ? TimeSpan.Zero : requeue);
}
