using DataPlatform.Stack.Input;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// Reads a verb's input: a file, <c>-</c> for standard input, or the embedded full sample when no file is given;
/// never more than <see cref="InputLimits.MaxBytes"/>, so a huge file is one clear line, not gigabytes of memory.
/// </summary>
internal static class InputFile
{
    public const string StdinName = "-";

    /// <summary>The text, or the reason it was not read (<see cref="InputReadFailure"/>).</summary>
    public static async Task<(string? Text, InputReadFailure? Failure)> ReadAsync(string? path, TextReader stdin, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return (SampleFiles.ReadFull(), null);
        }

        try
        {
            if (path == StdinName)
            {
                return await ReadCappedAsync(stdin, cancellationToken);
            }

            if (new FileInfo(path).Length > InputLimits.MaxBytes)
            {
                return (null, TooLarge());
            }

            using var reader = new StreamReader(path);
            return await ReadCappedAsync(reader, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, new InputReadFailure(Unreadable: true, $"cannot read the file: {MessageText.Escape(e.Message, 200)}"));
        }
    }

    public static string Name(string? path) => path switch
    {
        null => SampleFiles.FullSampleName,
        StdinName => "(stdin)",
        _ => path,
    };

    private static async Task<(string? Text, InputReadFailure? Failure)> ReadCappedAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var buffer = new char[64 * 1024];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            if (text.Length + read > InputLimits.MaxBytes)
            {
                return (null, TooLarge());
            }

            text.Append(buffer, 0, read);
        }

        return (text.ToString(), null);
    }

    private static InputReadFailure TooLarge() =>
        new(Unreadable: false, $"larger than the {InputLimits.MaxBytes / (1024 * 1024)} MiB limit; split it or validate the environments one by one.");
}
