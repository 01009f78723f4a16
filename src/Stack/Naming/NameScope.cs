namespace DataPlatform.Stack.Naming;

/// <summary>Where AWS requires a resource's name to be unique.</summary>
public enum NameScope
{
    /// <summary>Unique across all of AWS (S3 bucket names).</summary>
    Global,

    /// <summary>Unique in an account, in every region (IAM role names).</summary>
    Account,

    /// <summary>Unique in an account and region (RDS identifiers, Kinesis streams, log groups, KMS aliases, ...).</summary>
    AccountRegion,
}
