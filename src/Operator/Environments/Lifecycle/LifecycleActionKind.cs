namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>The I/O the lifecycle asks its shell to do next; the shell reports back with an observation.</summary>
internal enum LifecycleActionKind
{
    /// <summary>Preview the update (after a refresh for a drift check) and report its plan; changes nothing.</summary>
    RunPreview,

    /// <summary>Run the update's engine operations, then read the outputs and write the connection Secret.</summary>
    RunUpdate,

    /// <summary>Ask the state backend whether the environment's stack exists.</summary>
    CheckStack,

    /// <summary>Destroy the stack, then remove it from the backend.</summary>
    Destroy,

    /// <summary>Deletion is done: let the finalizer go.</summary>
    ReleaseFinalizer,
}
