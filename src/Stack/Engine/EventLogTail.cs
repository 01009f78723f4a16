using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// Reads the --event-log file while the CLI writes it (the file form of FACTS.md section 4): complete lines are
/// parsed and reported as they appear; the tail stops at the cancelEvent or, once the CLI has exited, at the end.
/// </summary>
internal sealed class EventLogTail(string path, TimeProvider time, IProgress<EngineEvent>? progress)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public EngineProgress Progress { get; } = new();

    // Kept across calls: the driver tails while the CLI runs, then once more for what it wrote last; a second call
    // must not apply the events of the first again.
    private string _buffer = "";
    private long _position;

    public async Task RunAsync(Task cliExited, CancellationToken cancellationToken)
    {
        while (true)
        {
            var exited = cliExited.IsCompleted;
            if (File.Exists(path))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (stream.Length < _position)
                {
                    _position = 0;
                    _buffer = "";
                }

                stream.Seek(_position, SeekOrigin.Begin);
                using var reader = new StreamReader(stream);
                _buffer += await reader.ReadToEndAsync(cancellationToken);
                _position = stream.Position;
                int newline;
                while ((newline = _buffer.IndexOf('\n', StringComparison.Ordinal)) >= 0)
                {
                    var line = _buffer[..newline].Trim();
                    _buffer = _buffer[(newline + 1)..];
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    var engineEvent = EngineEventParser.Parse(line);
                    Progress.Apply(engineEvent);
                    progress?.Report(engineEvent);
                }
            }

            if (Progress.Ended || exited)
            {
                return;
            }

            await Task.WhenAny(cliExited, Task.Delay(PollInterval, time, cancellationToken));
        }
    }
}
