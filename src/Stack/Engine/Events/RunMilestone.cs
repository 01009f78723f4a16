using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Engine.Events;

/// <summary>A milestone reached during a run, with the message of its Event.</summary>
public sealed record RunMilestone(MilestoneReason Reason, PlatformComponent Component, string Message);
