using System.Text;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>A container's log as the kubelet keeps it: stdout and stderr lines in arrival order, followable until the container ends.</summary>
internal sealed class PodLog
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private TaskCompletionSource _grown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Started { get; private set; }

    public bool Ended { get; private set; }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            Started = true;
        }
    }

    public void Append(string line)
    {
        lock (_gate)
        {
            _text.Append(line).Append('\n');
            Signal();
        }
    }

    public void End()
    {
        lock (_gate)
        {
            Ended = true;
            Signal();
        }
    }

    /// <summary>The text from an offset, whether the container has ended, and a task that completes when either changes.</summary>
    public (string Text, bool Ended, Task Grown) Read(int offset)
    {
        lock (_gate)
        {
            return (_text.ToString(offset, _text.Length - offset), Ended, _grown.Task);
        }
    }

    private void Signal()
    {
        _grown.TrySetResult();
        _grown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
