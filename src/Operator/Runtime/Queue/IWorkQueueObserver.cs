namespace DataPlatform.Operator.Runtime.Queue;

/// <summary>
/// client-go's workqueue metrics hooks: a key became dirty (<see cref="Added"/>: depth up, adds_total), was handed
/// to a worker (<see cref="Taken"/>: depth down, time queued), finished (<see cref="Done"/>: time worked), or was
/// scheduled again after a delay (<see cref="Retried"/>: retries_total).
/// </summary>
internal interface IWorkQueueObserver
{
    void Added(object key);

    void Taken(object key);

    void Done(object key);

    void Retried(object key);
}
