namespace DataPlatform.Stack.Input;

/// <summary>A file the tools will not read: malformed YAML or over a limit, with the position and one clear sentence.</summary>
public sealed class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InputException(long line, long column, string message)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public long Line { get; }

    public long Column { get; }

    /// <summary>"line L, column C: message".</summary>
    public string Describe() => Line > 0 ? $"line {Line}, column {Column}: {Message}" : Message;
}
