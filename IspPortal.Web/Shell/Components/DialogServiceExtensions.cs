using MudBlazor;

namespace IspPortal.Web.Shell.Components;

public static class DialogServiceExtensions
{
    /// <summary>Asks before a destructive or far-reaching action; true only when the user confirms.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, bool danger = true)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.Danger, danger },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    /// <summary>Asks for the reason an action is logged with; null when cancelled.</summary>
    /// <param name="label">The field's label when it is not "Alasan" (a resolution note).</param>
    public static async Task<string?> AskReasonAsync(this IDialogService dialogs, string title, string message, string confirmText, bool danger = true, string? label = null)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.Danger, danger },
            { d => d.Label, label },
        };
        var dialog = await dialogs.ShowAsync<ReasonDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    /// <summary>Opens a form dialog and gives back what it saved, or default when cancelled.</summary>
    public static async Task<TResult?> ShowFormAsync<TDialog, TResult>(this IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: TResult data } ? data : default;
    }
}
