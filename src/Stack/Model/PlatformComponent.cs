namespace DataPlatform.Stack.Model;

/// <summary>
/// The parts of the platform, in the order status lists them. Each program resource belongs to one: its builder
/// sets <see cref="ProgramResource.Component"/> to the lower-case name (see <see cref="PlatformComponents"/>).
/// </summary>
public enum PlatformComponent
{
    Network,
    Encryption,
    Streaming,
    Secrets,
    Database,
    Cache,
    Artifacts,
    Pipeline,
    Observability,
}
