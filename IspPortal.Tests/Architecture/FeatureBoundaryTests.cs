using System.Reflection;
using IspPortal.Core.Common;
using Mono.Cecil;

namespace IspPortal.Tests.Architecture;

/// <summary>
/// A Core feature uses another only through what that feature exposes: the types of its root
/// namespace and the types in its sub-folders marked <see cref="FeatureApiAttribute"/>.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private const string CoreRoot = "IspPortal.Core.";
    private static readonly string[] Shared = ["Common", "Settings"];

    [Fact]
    public void Core_features_use_each_other_only_through_what_they_expose()
    {
        var crossings = CoreCrossings().Where(c => !c.Exposed).Select(c => $"  {c.From} -> {c.To}").Distinct().Order().ToList();
        Assert.True(crossings.Count == 0, "Uses another feature's internals (expose it with [FeatureApi] or go through the feature's root):\n" + string.Join("\n", crossings));
    }

    [Fact]
    public void Features_do_use_each_other_so_the_rule_is_checking_something()
    {
        // Billing isolates through Network and notifies through Notifications: if the walk found no
        // crossing at all, it would not be reading the method bodies.
        var crossings = CoreCrossings().ToList();
        Assert.Contains(crossings, c => c.From.StartsWith(CoreRoot + "Billing.", StringComparison.Ordinal) && c.To.StartsWith(CoreRoot + "Network.", StringComparison.Ordinal));
        Assert.Contains(crossings, c => c.From.StartsWith(CoreRoot + "Billing.", StringComparison.Ordinal) && c.To.StartsWith(CoreRoot + "Notifications.", StringComparison.Ordinal));
    }

    [Fact]
    public void Feature_api_marks_only_types_that_another_feature_uses()
    {
        var used = CoreCrossings().Select(c => c.To).ToHashSet();
        var marked = typeof(Outcome).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<FeatureApiAttribute>() is not null)
            .Select(t => t.FullName!).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, name => Assert.True(used.Contains(name), $"{name} is marked [FeatureApi] but no other feature uses it."));
    }

    private sealed record Crossing(string From, string To, bool Exposed);

    private static IEnumerable<Crossing> CoreCrossings()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Outcome).Assembly.Location);
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            if (FeatureOf(owner.Namespace) is not { } feature)
                continue;
            foreach (var used in References(type).Select(Outermost).Distinct())
            {
                if (FeatureOf(used.Namespace) is not { } other || other == feature)
                    continue;
                var exposed = used.Namespace == CoreRoot + other || IsMarked(used);
                yield return new Crossing(owner.FullName, used.FullName, exposed);
            }
        }
    }

    private static string? FeatureOf(string ns)
    {
        if (!ns.StartsWith(CoreRoot, StringComparison.Ordinal))
            return null;
        var feature = ns[CoreRoot.Length..].Split('.')[0];
        return Shared.Contains(feature) ? null : feature;
    }

    private static bool IsMarked(TypeReference reference) =>
        reference.Resolve()?.CustomAttributes.Any(a => a.AttributeType.FullName == typeof(FeatureApiAttribute).FullName) == true;

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type;
    }

    private static List<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                        Add(argument);
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }

        Add(type.BaseType);
        foreach (var implemented in type.Interfaces)
            Add(implemented.InterfaceType);
        foreach (var field in type.Fields)
            Add(field.FieldType);
        foreach (var property in type.Properties)
            Add(property.PropertyType);
        foreach (var method in type.Methods)
        {
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
                Add(parameter.ParameterType);
            if (!method.HasBody)
                continue;
            foreach (var variable in method.Body.Variables)
                Add(variable.VariableType);
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference typeOperand:
                        Add(typeOperand);
                        break;
                    case MethodReference methodOperand:
                        Add(methodOperand.DeclaringType);
                        Add(methodOperand.ReturnType);
                        if (methodOperand is GenericInstanceMethod genericMethod)
                            foreach (var argument in genericMethod.GenericArguments)
                                Add(argument);
                        break;
                    case FieldReference fieldOperand:
                        Add(fieldOperand.DeclaringType);
                        Add(fieldOperand.FieldType);
                        break;
                }
            }
        }
        return found;
    }
}
