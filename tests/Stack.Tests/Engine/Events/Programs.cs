using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Tests.Engine.Events;

/// <summary>Small programs for progress tests: (logical name, type, component) each.</summary>
internal static class Programs
{
    public static StackProgram Of(params (string Name, string Type, string Component)[] resources) => new(
        "dataplatform", "dev", "test", [],
        resources.Select(r => new ProgramResource(r.Name, r.Type, r.Component, null, new PropertyMap(), ResourceOptions.None)).ToList(),
        [], new PropertyMap());
}
