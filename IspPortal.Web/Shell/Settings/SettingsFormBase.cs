using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Web.Shell.Components;
using IspPortal.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IspPortal.Web.Shell.Settings;

/// <summary>Loads one settings group, lets the form edit a copy, and saves it through Core's validation.</summary>
public abstract class SettingsFormBase<T> : ComponentBase where T : class, ISettingsGroup<T>, new()
{
    [Inject] private PortalSettings Settings { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Localizer { get; set; } = default!;

    protected FormErrors Errors { get; } = new();

    protected T? Value { get; set; }

    protected bool Saving { get; private set; }

    protected override async Task OnInitializedAsync() => Value = await Settings.GetAsync<T>();

    /// <summary>Turns the form's fields back into the settings record to save, or refuses text it cannot read.</summary>
    protected abstract Outcome<T> Collect();

    /// <summary>Saves what <see cref="Collect"/> produced; a form with secrets hands them to its feature's use case instead.</summary>
    protected virtual Task<Outcome<T>> StoreAsync(T value, Actor actor) => Settings.SaveAsync(value, actor);

    protected async Task SaveAsync()
    {
        Saving = true;
        var collected = Collect();
        var outcome = collected.Succeeded ? await StoreAsync(collected.Value!, await CurrentUser.GetAsync()) : collected;
        Saving = false;
        if (outcome.Succeeded)
        {
            Errors.Clear();
            Value = outcome.Value;
            Snackbar.Add(Localizer["Pengaturan tersimpan."], Severity.Success);
        }
        else
        {
            Errors.Show(outcome);
            Snackbar.Add(Localizer["Periksa isian yang ditandai."], Severity.Warning);
        }
    }
}
