using System.Text.Json;

namespace IspPortal.Core.Identity.Audit;

/// <param name="Before">The value before the change as JSON text; null when the column had none (e.g. on insert).</param>
public sealed record AuditChange(string Column, string? Before, string? After)
{
    public bool Changed => Before != After;
}

/// <summary>Reads an audit row's <c>{"before": {...}, "after": {...}}</c> into one line per column.</summary>
public static class AuditChanges
{
    public static IReadOnlyList<AuditChange> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return [];
            var before = Values(document.RootElement, "before");
            var after = Values(document.RootElement, "after");
            return [.. before.Keys.Union(after.Keys, StringComparer.Ordinal)
                .Select(column => new AuditChange(column, before.GetValueOrDefault(column), after.GetValueOrDefault(column)))];
        }
        catch (JsonException)
        {
            // An unreadable row still shows: its raw text as the only "after" value.
            return [new AuditChange("", null, json)];
        }
    }

    private static Dictionary<string, string?> Values(JsonElement root, string side)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!root.TryGetProperty(side, out var element) || element.ValueKind != JsonValueKind.Object)
            return values;
        foreach (var property in element.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
        }
        return values;
    }
}
