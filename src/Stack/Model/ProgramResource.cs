namespace DataPlatform.Stack.Model;

/// <summary>One resource of the program.</summary>
/// <param name="LogicalName">Name in the program and the URN.</param>
/// <param name="Type">Full type token from the provider schema, such as aws:ec2/vpc:Vpc.</param>
/// <param name="Component">The platform component it belongs to, for the plan summary.</param>
/// <param name="AwsName">The AWS name it gets, when it takes one.</param>
/// <param name="Properties">Input properties.</param>
/// <param name="Options">Resource options.</param>
public sealed record ProgramResource(
    string LogicalName,
    string Type,
    string Component,
    string? AwsName,
    PropertyMap Properties,
    ResourceOptions Options);
