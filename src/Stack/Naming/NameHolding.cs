namespace DataPlatform.Stack.Naming;

/// <summary>How firmly an environment holds the AWS names it derives, for deciding who keeps a name two of them claim.</summary>
public enum NameHolding
{
    /// <summary>Nothing ran for it yet: no naming scheme recorded, no update attempted; it holds nothing in AWS.</summary>
    None,

    /// <summary>An update started at some point (a naming scheme is recorded, or a last update exists): its stack may hold some of the names.</summary>
    Started,

    /// <summary>Its current generation was deployed successfully: every name its spec derives exists in AWS now.</summary>
    Deployed,
}
