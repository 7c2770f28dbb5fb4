using Microsoft.JSInterop;
using MudBlazor;

namespace IspPortal.Web.Shell.Components;

/// <summary>Copies a link for staff to paste to a customer, saying so in a snackbar.</summary>
public static class LinkClipboard
{
    public static async Task CopyAsync(IJSRuntime js, ISnackbar snackbar, string link, string copiedMessage)
    {
        try
        {
            await js.InvokeVoidAsync("navigator.clipboard.writeText", link);
            snackbar.Add(copiedMessage, Severity.Success);
        }
        catch (JSException)
        {
            // No clipboard over plain http on another host: show the link to copy by hand.
            snackbar.Add(link, Severity.Info, o => o.RequireInteraction = true);
        }
    }
}
