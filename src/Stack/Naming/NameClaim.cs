namespace DataPlatform.Stack.Naming;

/// <summary>
/// One AWS name a program sets where AWS requires it to be unique: the resource type, the name, its scope and the
/// account and region it lives in. <see cref="Key"/> is equal for two claims exactly when AWS would refuse the second.
/// </summary>
public sealed record NameClaim(string Type, string Name, NameScope Scope, string Account, string Region)
{
    /// <summary>The kind of name, for messages: the type token's last part (Role, Bucket, Cluster, ...).</summary>
    public string Kind => Type[(Type.LastIndexOf(':') + 1)..];

    public string Key => Scope switch
    {
        NameScope.Global => $"{Type}|{Name.ToLowerInvariant()}",
        NameScope.Account => $"{Account}|{Type}|{Name.ToLowerInvariant()}",
        _ => $"{Account}|{Region}|{Type}|{Name.ToLowerInvariant()}",
    };

    public string Where => Scope switch
    {
        NameScope.Global => "globally",
        NameScope.Account => $"in account {Account}",
        _ => $"in account {Account}, region {Region}",
    };
}
