namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>A registered controller the host starts once this instance leads.</summary>
internal interface IControllerRunner
{
    /// <summary>Whether its informers have listed everything; false before it runs and while this instance does not lead.</summary>
    bool Synced { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
