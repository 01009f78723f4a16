namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>A registered controller the host starts once this instance leads.</summary>
internal interface IControllerRunner
{
    Task RunAsync(CancellationToken cancellationToken);
}
