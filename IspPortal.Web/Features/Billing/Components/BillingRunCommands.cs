using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Automation;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Settings;
using IspPortal.Web.Shell.Components;
using IspPortal.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IspPortal.Web.Features.Billing.Components;

/// <summary>
/// The daily billing jobs started by hand: each asks first, saying what it will do to customers,
/// then runs the same use case as the schedule (trigger Manual) and reports. Each returns whether it ran.
/// </summary>
public sealed class BillingRunCommands(
    SendInvoiceReminders reminders, CheckOverdueInvoices overdue, PortalSettings settings, IDialogService dialogs, ISnackbar snackbar, IStringLocalizer<SharedStrings> L)
{
    public async Task<bool> RemindAsync()
    {
        var billing = await settings.GetAsync<BillingSettings>();
        if (!await dialogs.ConfirmAsync(L["Jalankan pengingat sekarang?"],
                L["Pengingat WhatsApp/email dikirim hari ini untuk setiap tagihan belum lunas yang jatuh temponya sesuai hari pengingat ({0}). Pengingat yang sudah dikirim tidak dikirim lagi.",
                    ReminderOffsetsText.Format(billing.ReminderOffsets)],
                L["Kirim pengingat"], danger: false))
            return false;
        var run = await reminders.ExecuteAsync(BillingRunTrigger.Manual);
        snackbar.Add(L["{0} pengingat diantrikan untuk {1} tagihan; {2} sudah dikirim sebelumnya.", run.Queued, run.Invoices, run.AlreadyQueued], Severity.Success);
        return true;
    }

    public async Task<bool> CheckOverdueAsync()
    {
        var billing = await settings.GetAsync<BillingSettings>();
        if (!await dialogs.ConfirmAsync(L["Cek jatuh tempo sekarang?"],
                L["Tagihan yang lewat jatuh tempo ditandai terlambat. Pelanggan aktif yang masih menunggak {0} hari atau lebih setelah jatuh tempo langsung DIISOLIR di router (internetnya diputus) dan diberi tahu; pelanggan yang dikecualikan tidak disentuh.", billing.IsolirAfterDays],
                L["Cek dan isolir"]))
            return false;
        var run = await overdue.ExecuteAsync(BillingRunTrigger.Manual);
        snackbar.Add(L["{0} tagihan menjadi terlambat; {1} pelanggan diisolir, {2} dikecualikan, {3} gagal.", run.MarkedOverdue, run.Isolated, run.Exempt, run.Failed],
            run.Failed > 0 ? Severity.Warning : Severity.Success);
        return true;
    }
}
