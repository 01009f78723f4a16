namespace DataPlatform.Operator.Runtime.Client;

/// <summary>The watch's resourceVersion was compacted away (410 Gone): list again.</summary>
public sealed class WatchExpiredException(string message) : Exception(message);
