namespace DataPlatform.Operator.Cli;

/// <summary>Reads a verb's input file, or the embedded full sample when no file is given.</summary>
internal static class InputFile
{
    /// <summary>The name and text, or null after telling the user why the file cannot be read.</summary>
    public static async Task<(string Name, string Text)?> ReadAsync(string? path, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return (SampleFiles.FullSampleName, SampleFiles.ReadFull());
        }

        try
        {
            return (path, await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"{path}: cannot read the file: {e.Message}");
            return null;
        }
    }
}
