namespace DataPlatform.Stack.Engine.Events;

/// <summary>
/// Progress derived from the event stream: steps done by operation, the steps in flight, failed resources, error
/// diagnostics and the summary. Planning events (previews) count as done steps of the plan, not changes.
/// </summary>
public sealed class EngineProgress
{
    private readonly Dictionary<string, string> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _done = new(StringComparer.Ordinal);
    private readonly List<string> _failed = [];
    private readonly List<DiagnosticEvent> _errors = [];
    private readonly List<DiagnosticEvent> _warnings = [];
    private readonly List<StepMetadata> _planned = [];

    public IReadOnlyDictionary<string, string> InFlight => _inFlight;

    public IReadOnlyDictionary<string, int> Done => _done;

    public IReadOnlyList<string> FailedResources => _failed;

    public IReadOnlyList<DiagnosticEvent> Errors => _errors;

    public IReadOnlyList<DiagnosticEvent> Warnings => _warnings;

    /// <summary>The logical steps a preview planned (create, update, replace, delete; not same or the halves of a replace), in order.</summary>
    public IReadOnlyList<StepMetadata> Planned => _planned;

    public SummaryEvent? Summary { get; private set; }

    public bool Ended { get; private set; }

    public int EventCount { get; private set; }

    public void Apply(EngineEvent engineEvent)
    {
        ArgumentNullException.ThrowIfNull(engineEvent);
        EventCount++;
        switch (engineEvent.Payload)
        {
            case ResourcePreEvent pre:
                _inFlight[pre.Metadata.Urn] = pre.Metadata.Op;
                if (pre.Planning && pre.Metadata.Op is "create" or "update" or "replace" or "delete" && !pre.Metadata.Type.StartsWith("pulumi:", StringComparison.Ordinal))
                {
                    _planned.Add(pre.Metadata);
                }

                break;
            case ResOutputsEvent outputs:
                _inFlight.Remove(outputs.Metadata.Urn);
                _done[outputs.Metadata.Op] = _done.GetValueOrDefault(outputs.Metadata.Op) + 1;
                break;
            case ResOpFailedEvent failed:
                _inFlight.Remove(failed.Metadata.Urn);
                _failed.Add(failed.Metadata.Urn);
                break;
            case DiagnosticEvent { IsError: true } error:
                _errors.Add(error);
                break;
            case DiagnosticEvent { Severity: "warning" } warning:
                _warnings.Add(warning);
                break;
            case SummaryEvent summary:
                Summary = summary;
                break;
            case CancelEvent:
                Ended = true;
                break;
            default:
                break;
        }
    }
}
