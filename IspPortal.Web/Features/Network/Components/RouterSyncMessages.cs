using IspPortal.Core.Network.Sync;
using IspPortal.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IspPortal.Web.Features.Network.Components;

public static class RouterSyncMessages
{
    /// <summary>A sync's outcome as the operator reads it; failures stay until dismissed.</summary>
    public static void Show(ISnackbar snackbar, IStringLocalizer<SharedStrings> localizer, RouterSyncResult result)
    {
        if (result.Succeeded)
            snackbar.Add(localizer["{0}: {1} sesi, {2} pelanggan berubah, {3} secret diterapkan.", result.RouterCode, result.Sessions, result.CustomersChanged, result.SecretsRepaired], Severity.Success);
        else
            snackbar.Add($"{result.RouterCode}: {result.Error}", Severity.Error, options => options.RequireInteraction = true);
    }
}
