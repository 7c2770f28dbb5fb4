using System.Reflection;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IspPortal.Core.Common;

/// <summary>
/// The <see cref="SafeText"/> rule inside Core, behind the edges: a use case's input record and the
/// entities about to be saved, so no screen or caller can write what the edges refuse.
/// </summary>
public static class SafeTextChecks
{
    /// <summary>Each text property of <paramref name="input"/> that breaks the rule gets the refusal, keyed by the property's name.</summary>
    public static FieldErrors UnlessSafeText(this FieldErrors errors, object input)
    {
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) && property.GetIndexParameters().Length == 0
                && !SafeText.IsAcceptableFor(property.Name, (string?)property.GetValue(input)))
                errors.Add(property.Name, SafeText.RefusedMessage);
        }
        return errors;
    }

    /// <summary>
    /// The first added or changed text that contains control characters other than tab and line
    /// breaks, or unpaired surrogates (the database's own limit; single-line is the edges' rule).
    /// </summary>
    public static string? FirstUnsafeProperty(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries())
        {
            if (entry.State is not (Microsoft.EntityFrameworkCore.EntityState.Added or Microsoft.EntityFrameworkCore.EntityState.Modified))
                continue;
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && !SafeText.IsAcceptable(text, multiLine: true))
                    return property.Metadata.Name;
            }
        }
        return null;
    }
}
