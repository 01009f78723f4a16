namespace DataPlatform.Stack.Engine;

/// <summary>How many resources of one component (lower-case name; "other" for resources no longer in the program) a plan creates, updates, replaces and deletes.</summary>
public sealed record PlannedComponentChanges(string Component, int Create, int Update, int Replace, int Delete);
