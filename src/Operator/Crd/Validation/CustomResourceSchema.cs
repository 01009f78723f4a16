using System.Text.Json.Nodes;
using DataPlatform.Stack.Input;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// A CustomResourceDefinition's schema applied the way kube-apiserver applies it to a custom-resource write:
/// prune unknown fields (or report them under Strict), prune non-nullable nulls, apply defaults (nested), OpenAPI
/// validation, then the CEL rules (with <c>oldSelf</c> on UPDATE and ratcheting of unchanged values). Generic over
/// any CRD; used by the fake API server and by the offline <c>validate</c>/<c>plan</c> verbs.
/// </summary>
internal sealed class CustomResourceSchema
{
    private CustomResourceSchema(JsonObject crd, int versionIndex, string version, JsonObject openApiSchema)
    {
        Definition = crd;
        VersionIndex = versionIndex;
        Version = version;
        Group = crd["spec"]?["group"]?.GetValue<string>() ?? "";
        Kind = crd["spec"]?["names"]?["kind"]?.GetValue<string>() ?? "";
        Plural = crd["spec"]?["names"]?["plural"]?.GetValue<string>() ?? "";
        Root = SchemaNode.Build(openApiSchema, $"spec.versions[{versionIndex}].schema.openAPIV3Schema", new CelRuleCompiler());
    }

    private CustomResourceSchema(CustomResourceSchema other)
    {
        Definition = other.Definition;
        VersionIndex = other.VersionIndex;
        Version = other.Version;
        Group = other.Group;
        Kind = other.Kind;
        Plural = other.Plural;
        Root = other.Root;
    }

    public JsonObject Definition { get; }

    public string Group { get; }

    public string Kind { get; }

    public string Plural { get; }

    public string Version { get; }

    public int VersionIndex { get; }

    public SchemaNode Root { get; }

    /// <summary>
    /// Validation ratcheting (beta and on by default from Kubernetes 1.30, GA in 1.33): on UPDATE, errors on values
    /// that did not change are ignored. Off reproduces 1.28 and 1.29.
    /// </summary>
    public bool Ratcheting { get; private init; } = true;

    /// <summary>The same schema with validation ratcheting on (1.30 and later) or off (1.28, 1.29).</summary>
    public CustomResourceSchema WithRatcheting(bool on) => new(this) { Ratcheting = on };

    /// <summary>Loads the storage version's schema of the first CustomResourceDefinition in a YAML (or JSON) text.</summary>
    public static CustomResourceSchema Load(string crdYaml)
    {
        var document = YamlJson.ParseAll(crdYaml).OfType<JsonObject>()
            .FirstOrDefault(d => d["kind"]?.GetValue<string>() == "CustomResourceDefinition")
            ?? throw new FormatException("The text holds no CustomResourceDefinition.");

        // Re-parse so every value is JSON-backed (numbers compare and convert uniformly).
        var crd = JsonNode.Parse(document.ToJsonString())!.AsObject();
        var versions = crd["spec"]?["versions"] as JsonArray ?? throw new FormatException("spec.versions: Required value");
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i]?["storage"]?.GetValue<bool>() == true)
            {
                var schema = versions[i]?["schema"]?["openAPIV3Schema"] as JsonObject
                    ?? throw new FormatException($"spec.versions[{i}].schema.openAPIV3Schema: Required value");
                return new CustomResourceSchema(crd, i, versions[i]!["name"]!.GetValue<string>(), schema);
            }
        }

        throw new FormatException("spec.versions: Invalid value: must have exactly one version marked as storage version");
    }

    /// <summary>
    /// Runs an object through the write path. <paramref name="old"/> is the stored object on UPDATE (null on
    /// CREATE); <paramref name="strict"/> is <c>fieldValidation=Strict</c>. The input is not changed.
    /// </summary>
    public AdmissionResult Admit(JsonNode obj, JsonNode? old = null, bool strict = false)
    {
        var value = JsonNode.Parse(obj.ToJsonString())!.AsObject();
        var unknown = new List<string>();
        Pruning.PruneUnknown(value, Root, "", isRoot: true, unknown);
        Pruning.PruneNulls(value, Root, isRoot: true);
        Defaulting.Apply(value, Root, isRoot: true);

        var causes = new List<FieldCause>();
        var ratchet = Ratcheting && old is not null;
        OpenApiValidation.Validate(value, Root, "", old, ratchet, causes, isRoot: true);
        if (causes.Any(c => c.Reason is FieldCause.NotSupported or FieldCause.Required or FieldCause.TooLong or FieldCause.TooMany or FieldCause.TypeInvalid))
        {
            causes.Add(new FieldCause("", "Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation", FieldCause.Invalid));
        }
        else
        {
            CelValidation.Validate(value, Root, "", old, old is not null, ratchet, causes, isRoot: true);
        }

        return new AdmissionResult(value, causes, unknown, strict);
    }

    /// <summary>
    /// The checks apiextensions runs before it stores the CRD itself: structural schema, CEL rules that compile
    /// and stay within the estimated cost limits, defaults that are pruned, valid against their schema and pass
    /// the node's CEL rules as written (nested defaults not filled in first). Empty when the CRD would be accepted.
    /// </summary>
    public IReadOnlyList<FieldCause> ValidateDefinition() => DefinitionValidation.Validate(Root);
}
