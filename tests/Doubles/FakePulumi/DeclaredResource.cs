using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>A resource as the program declares it: logical name, type, input fingerprint, each input property as text, and the protect option.</summary>
internal sealed record DeclaredResource(string Name, string Type, string Inputs, JsonObject Properties, bool Protect);
