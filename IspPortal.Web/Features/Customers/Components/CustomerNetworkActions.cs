using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Service;
using IspPortal.Core.Network.Isolation;
using IspPortal.Web.Shell.Components;
using IspPortal.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IspPortal.Web.Features.Customers.Components;

/// <summary>
/// Isolir, activate and kick as the NOC meets them on the customer page and in the map's popup:
/// the same question, the same reason logged, the same report. Each returns whether it ran.
/// </summary>
public sealed class CustomerNetworkActions(
    CustomerIsolation isolation, KickCustomer kick, IDialogService dialogs, ISnackbar snackbar, IStringLocalizer<SharedStrings> localizer)
{
    public async Task<bool> IsolateAsync(string code)
    {
        if (await dialogs.AskReasonAsync(localizer["Isolir pelanggan?"], localizer["Secret {0} dipindah ke profil isolir dan sesinya diputus.", code], localizer["Isolir"]) is not { } reason)
            return false;
        Report(await isolation.IsolateAsync(code, reason, StatusChangeSource.User), r => r.Message, r => r.AppliedOnRouter);
        return true;
    }

    public async Task<bool> ActivateAsync(string code)
    {
        if (await dialogs.AskReasonAsync(localizer["Aktifkan pelanggan?"], localizer["Secret {0} kembali ke profil paketnya.", code], localizer["Aktifkan"], danger: false) is not { } reason)
            return false;
        Report(await isolation.ActivateAsync(code, reason, StatusChangeSource.User), r => r.Message, r => r.AppliedOnRouter);
        return true;
    }

    public async Task<bool> KickAsync(string code)
    {
        if (!await dialogs.ConfirmAsync(localizer["Putus sesi?"], localizer["Sesi PPPoE {0} diputus; perangkat pelanggan akan tersambung ulang.", code], localizer["Putus sesi"]))
            return false;
        Report(await kick.ExecuteAsync(code), m => m, _ => true);
        return true;
    }

    /// <summary>A use case's answer as a snackbar: success, a warning when the router has not followed yet, or the refusal.</summary>
    public void Report<T>(Outcome<T> outcome, Func<T, string> message, Func<T, bool> complete)
    {
        if (outcome.Value is { } value)
            snackbar.Add(localizer[message(value)], complete(value) ? Severity.Success : Severity.Warning);
        else
            snackbar.Add(localizer[outcome.FirstError], Severity.Error);
    }
}
