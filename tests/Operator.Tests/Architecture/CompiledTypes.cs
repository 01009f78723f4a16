using Mono.Cecil;
using Mono.Cecil.Cil;

namespace DataPlatform.Operator.Tests.Architecture;

/// <summary>
/// What each compiled type of an assembly refers to, read from its IL with Mono.Cecil: every type named in its
/// signatures, fields, locals and instructions (generic arguments included), and every string literal it loads.
/// Nested and compiler-generated types (lambdas, async state machines) count for the top-level type they belong to.
/// </summary>
internal sealed class CompiledTypes
{
    private readonly Dictionary<string, (HashSet<string> Types, HashSet<string> Strings)> _byType = new(StringComparer.Ordinal);

    private CompiledTypes(string path)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(path);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var owner = type;
            while (owner.DeclaringType is not null)
            {
                owner = owner.DeclaringType;
            }

            if (!_byType.TryGetValue(owner.FullName, out var entry))
            {
                entry = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                _byType[owner.FullName] = entry;
            }

            Collect(type, entry.Types, entry.Strings);
        }
    }

    /// <summary>Top-level type full names in the assembly.</summary>
    public IEnumerable<string> Types => _byType.Keys;

    public static CompiledTypes Of(System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return new CompiledTypes(assembly.Location);
    }

    /// <summary>Top-level types that refer to the type with exactly this full name (open generic names use `1).</summary>
    public IEnumerable<string> ReferencingType(string fullName) => _byType.Where(t => t.Value.Types.Contains(fullName)).Select(t => t.Key);

    /// <summary>Top-level types that load a string literal containing <paramref name="text"/>.</summary>
    public IEnumerable<string> LoadingString(string text) =>
        _byType.Where(t => t.Value.Strings.Any(s => s.Contains(text, StringComparison.Ordinal))).Select(t => t.Key);

    private static void Collect(TypeDefinition type, HashSet<string> types, HashSet<string> strings)
    {
        Add(type.BaseType, types);
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType, types);
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType, types);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType, types);
        }

        foreach (var method in type.Methods)
        {
            Add(method.ReturnType, types);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType, types);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType, types);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case string text when instruction.OpCode == OpCodes.Ldstr:
                        strings.Add(text);
                        break;
                    case TypeReference reference:
                        Add(reference, types);
                        break;
                    case MethodReference called:
                        Add(called.DeclaringType, types);
                        Add(called.ReturnType, types);
                        foreach (var parameter in called.Parameters)
                        {
                            Add(parameter.ParameterType, types);
                        }

                        if (called is GenericInstanceMethod generic)
                        {
                            foreach (var argument in generic.GenericArguments)
                            {
                                Add(argument, types);
                            }
                        }

                        break;
                    case FieldReference field:
                        Add(field.DeclaringType, types);
                        Add(field.FieldType, types);
                        break;
                }
            }
        }
    }

    private static void Add(TypeReference? reference, HashSet<string> types)
    {
        switch (reference)
        {
            case null:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, types);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument, types);
                }

                return;
            case TypeSpecification specification:
                Add(specification.ElementType, types);
                return;
            default:
                types.Add(reference.FullName);
                return;
        }
    }
}
