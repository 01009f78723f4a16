namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>How one dispatch of a key ended, which is all the queue bookkeeping needs to know.</summary>
internal enum DispatchResult
{
    /// <summary>The object is gone from the cache.</summary>
    Gone,

    /// <summary>Being deleted, and our finalizer is not (or no longer) on it: nothing to do.</summary>
    Deleting,

    /// <summary>The finalizer ran and was removed.</summary>
    Finalized,

    /// <summary>Reconciled; nothing more asked.</summary>
    Success,

    /// <summary>Reconciled; look again after a delay (which resets the failure backoff).</summary>
    Requeue,

    /// <summary>The controller or finalizer reported a failure; retried with backoff or after its delay.</summary>
    Failure,
}
