namespace DataPlatform.Operator.Runtime.Client;

/// <summary>A write lost the optimistic-concurrency race (HTTP 409): read again and retry.</summary>
public sealed class ConflictException(string message, Exception inner) : Exception(message, inner);
