using IspPortal.Core.Common;
using IspPortal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace IspPortal.Web.Shell.Components;

/// <summary>
/// What a use case refused, ready for MudBlazor fields: <c>Error="@Errors.Has(nameof(Input.Code))"</c>
/// and <c>ErrorText="@Errors.For(nameof(Input.Code))"</c>; messages without a field go on top of the form.
/// </summary>
public sealed class FormErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public bool Any => _errors.Count > 0;

    public void Show<T>(Outcome<T> outcome) => _errors = outcome.Errors;

    public void Show(IReadOnlyDictionary<string, string[]> errors) => _errors = errors;

    public void Clear() => _errors = new Dictionary<string, string[]>();

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? For(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string? General => For("");

    /// <summary>The field's messages in the user's language (message keys are the Indonesian text).</summary>
    public string? For(string field, IStringLocalizer<SharedStrings> localizer) =>
        _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages.Select(m => localizer[m].Value)) : null;
}
