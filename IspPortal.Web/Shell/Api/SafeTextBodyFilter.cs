using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using IspPortal.Core.Common;

namespace IspPortal.Web.Shell.Api;

/// <summary>
/// The JSON body of every <c>/api</c> endpoint follows the <see cref="SafeText"/> rule: after binding,
/// each string in it (nested objects and collections included) is checked, multi-line or not by its
/// property's name, and a refusal answers 400 naming the field by its JSON path (<c>items[0].name</c>).
/// Unpaired surrogates in JSON escapes never get this far: the serializer refuses them (see
/// <see cref="HostileInputProblems"/>).
/// </summary>
public static class SafeTextBodyFilter
{
    private const int MaxDepth = HostileInputProblems.MaxJsonDepth;

    public static TBuilder RefuseUnsafeText<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            // The body is the one argument the endpoint's own types describe that is not a service.
            var services = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
            var index = Array.FindIndex(context.MethodInfo.GetParameters(), p =>
                p.ParameterType.Namespace?.StartsWith("IspPortal", StringComparison.Ordinal) == true && !p.ParameterType.IsEnum && !services.IsService(p.ParameterType));
            if (index < 0)
                return next;
            return async invocation =>
            {
                if (FirstRefused(invocation.Arguments[index], "", 0) is { } field)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [SafeText.RefusedMessage] },
                        title: HostileInputProblems.Title, detail: SafeText.RefusedMessage);
                return await next(invocation);
            };
        });

    /// <returns>The JSON path of the first refused string, or null.</returns>
    public static string? FirstRefused(object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return SafeText.IsAcceptableFor(path.Length == 0 ? "request" : path, text) ? null : path.Length == 0 ? "request" : path;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key.ToString() ?? "";
                    if (!SafeText.IsAcceptable(key, multiLine: false))
                        return path.Length == 0 ? "request" : path;
                    if (depth < MaxDepth && FirstRefused(entry.Value, Join(path, key), depth + 1) is { } inValue)
                        return inValue;
                }
                return null;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    if (depth < MaxDepth && FirstRefused(item, $"{path}[{index}]", depth + 1) is { } inItem)
                        return inItem;
                    index++;
                }
                return null;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || depth >= MaxDepth || type.Namespace?.StartsWith("IspPortal", StringComparison.Ordinal) != true)
            return null;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
                continue;
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonName(property.Name);
            if (FirstRefused(property.GetValue(value), Join(path, name), depth + 1) is { } inProperty)
                return inProperty;
        }
        return null;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
