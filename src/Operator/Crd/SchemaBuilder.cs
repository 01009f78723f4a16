using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;
using k8s.Models;

namespace DataPlatform.Operator.Crd;

/// <summary>
/// Turns the entity's C# types into a structural OpenAPI v3 schema: types from the CLR types, descriptions from
/// the XML docs, bounds and patterns from the validation attributes, defaults from the property initialisers (so
/// the CRD's defaults are the C# defaults by construction) and CEL rules from <see cref="CelRuleAttribute"/>.
/// </summary>
internal sealed class SchemaBuilder(XmlDocumentation docs)
{
    public OrderedDictionary<string, object?> ForObject(Type type, string? description)
    {
        var schema = new OrderedDictionary<string, object?>();
        if ((description ?? docs.Of(type)) is { } text)
        {
            schema["description"] = text;
        }

        schema["type"] = "object";
        var instance = Activator.CreateInstance(type);
        var properties = new OrderedDictionary<string, object?>();
        var required = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is not { } jsonName)
            {
                continue;
            }

            properties[jsonName.Name] = ForProperty(property, instance);
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                required.Add(jsonName.Name);
            }
        }

        schema["properties"] = properties;
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        AddCelRules(schema, type.GetCustomAttributes<CelRuleAttribute>());
        return schema;
    }

    private OrderedDictionary<string, object?> ForProperty(PropertyInfo property, object? owner)
    {
        var clrType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var description = docs.Of(property);
        OrderedDictionary<string, object?> schema;
        if (clrType == typeof(V1ObjectMeta))
        {
            schema = new() { ["type"] = "object" };
        }
        else if (IsScalar(clrType) || IsCollection(clrType))
        {
            schema = new();
            if (description is not null)
            {
                schema["description"] = description;
            }

            AddType(schema, clrType);
        }
        else
        {
            schema = ForObject(clrType, description);
        }

        if (property.GetCustomAttribute<RequiredAttribute>() is null)
        {
            AddDefault(schema, property, owner, clrType);
        }

        AddConstraints(schema, property, clrType);
        AddCelRules(schema, property.GetCustomAttributes<CelRuleAttribute>());
        return schema;
    }

    private void AddType(OrderedDictionary<string, object?> schema, Type type)
    {
        if (type == typeof(string))
        {
            schema["type"] = "string";
        }
        else if (type == typeof(int))
        {
            schema["type"] = "integer";
            schema["format"] = "int32";
        }
        else if (type == typeof(long))
        {
            schema["type"] = "integer";
            schema["format"] = "int64";
        }
        else if (type == typeof(double))
        {
            schema["type"] = "number";
        }
        else if (type == typeof(bool))
        {
            schema["type"] = "boolean";
        }
        else if (type == typeof(DateTimeOffset))
        {
            schema["type"] = "string";
            schema["format"] = "date-time";
        }
        else if (type.IsEnum)
        {
            schema["type"] = "string";
            schema["enum"] = type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(EnumName).ToList();
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            schema["type"] = "object";
            schema["additionalProperties"] = ForItem(type.GetGenericArguments()[1]);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            schema["type"] = "array";
            schema["items"] = ForItem(type.GetGenericArguments()[0]);
        }
        else
        {
            throw new NotSupportedException($"No schema mapping for {type}.");
        }
    }

    private OrderedDictionary<string, object?> ForItem(Type type)
    {
        if (IsScalar(type))
        {
            var item = new OrderedDictionary<string, object?>();
            AddType(item, type);
            return item;
        }

        return ForObject(type, null);
    }

    private static void AddDefault(OrderedDictionary<string, object?> schema, PropertyInfo property, object? owner, Type clrType)
    {
        var value = owner is null ? null : property.GetValue(owner);
        object? defaultValue = value switch
        {
            null => null,
            string s when s.Length > 0 => s,
            string => null,
            bool b => b,
            int i => i,
            long l => l,
            double d => d,
            Enum e => EnumName(clrType.GetField(e.ToString())!),
            IDictionary { Count: 0 } => null,
            IList { Count: 0 } => null,
            IList list => list.Cast<object>().Select(x => x is Enum e ? EnumName(x.GetType().GetField(e.ToString())!) : x).ToList(),
            V1ObjectMeta => null,
            _ when !IsScalar(clrType) && !IsCollection(clrType) => FullDefault(schema),
            _ => null,
        };
        if (defaultValue is not null)
        {
            schema["default"] = defaultValue;
        }
    }

    /// <summary>
    /// An object's default written out in full: every property's own default (already full for nested objects).
    /// The API server evaluates a node's CEL rules on its literal default without filling nested defaults first,
    /// so a bare <c>{}</c> fails every rule that reads a field of it ("no such key").
    /// </summary>
    private static OrderedDictionary<string, object?> FullDefault(OrderedDictionary<string, object?> schema)
    {
        var value = new OrderedDictionary<string, object?>();
        if (schema.TryGetValue("properties", out var properties) && properties is OrderedDictionary<string, object?> children)
        {
            foreach (var (name, child) in children)
            {
                if (child is OrderedDictionary<string, object?> childSchema && childSchema.TryGetValue("default", out var childDefault))
                {
                    value[name] = childDefault;
                }
            }
        }

        return value;
    }

    private static void AddConstraints(OrderedDictionary<string, object?> schema, PropertyInfo property, Type clrType)
    {
        var isString = clrType == typeof(string);
        var isList = IsCollection(clrType) && clrType.GetGenericTypeDefinition() == typeof(List<>);
        foreach (var attribute in property.GetCustomAttributes())
        {
            switch (attribute)
            {
                case StringLengthAttribute length:
                    if (length.MinimumLength > 0)
                    {
                        schema["minLength"] = length.MinimumLength;
                    }

                    schema["maxLength"] = length.MaximumLength;
                    break;
                case MaxLengthAttribute max:
                    schema[isString ? "maxLength" : isList ? "maxItems" : "maxProperties"] = max.Length;
                    break;
                case MinLengthAttribute min:
                    schema[isString ? "minLength" : isList ? "minItems" : "minProperties"] = min.Length;
                    break;
                case RangeAttribute range:
                    schema["minimum"] = Number(range.Minimum);
                    schema["maximum"] = Number(range.Maximum);
                    break;
                case RegularExpressionAttribute pattern:
                    schema["pattern"] = pattern.Pattern;
                    break;
                case MultipleOfAttribute multipleOf:
                    schema["multipleOf"] = multipleOf.Value;
                    break;
                case AllowedValuesAttribute allowed:
                    schema["enum"] = allowed.Values.ToList();
                    break;
                case ListMapKeyAttribute mapKey:
                    schema["x-kubernetes-list-type"] = "map";
                    schema["x-kubernetes-list-map-keys"] = new List<string> { mapKey.Key };
                    break;
                default:
                    break;
            }
        }
    }

    private static object Number(object value) => value switch
    {
        long l when l == long.MaxValue => l,
        double d when d == Math.Floor(d) => (long)d,
        IConvertible c => Convert.ToDouble(c, CultureInfo.InvariantCulture) is var d && d == Math.Floor(d) ? (long)d : d,
        _ => value,
    };

    private static void AddCelRules(OrderedDictionary<string, object?> schema, IEnumerable<CelRuleAttribute> rules)
    {
        var list = rules.Select(rule =>
        {
            var entry = new OrderedDictionary<string, object?> { ["rule"] = rule.Rule, ["message"] = rule.Message };
            if (rule.FieldPath is not null)
            {
                entry["fieldPath"] = rule.FieldPath;
            }

            return entry;
        }).ToList();
        if (list.Count > 0)
        {
            schema["x-kubernetes-validations"] = list;
        }
    }

    internal static string EnumName(FieldInfo field) =>
        field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateTimeOffset);

    private static bool IsCollection(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Dictionary<,>) || type.GetGenericTypeDefinition() == typeof(List<>));
}
