namespace DataPlatform.Operator.Crd;

/// <summary>What differs between the CRDs the generator writes: the entity, its spec and status types, names and scope.</summary>
internal sealed record CrdShape(Type Entity, Type Spec, Type? Status, string Kind, string Plural, string Singular, string ShortName, string Scope);
