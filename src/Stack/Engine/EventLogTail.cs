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

    public async Task RunAsync(Task cliExited, CancellationToken cancellationToken)
    {
        var buffer = "";
        long position = 0;
        while (true)
        {
            var exited = cliExited.IsCompleted;
            if (File.Exists(path))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (stream.Length < position)
                {
                    position = 0;
                    buffer = "";
                }

                stream.Seek(position, SeekOrigin.Begin);
                using var reader = new StreamReader(stream);
                buffer += await reader.ReadToEndAsync(cancellationToken);
                position = stream.Position;
                int newline;
                while ((newline = buffer.IndexOf('\n', StringComparison.Ordinal)) >= 0)
                {
                    var line = buffer[..newline].Trim();
                    buffer = buffer[(newline + 1)..];
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
