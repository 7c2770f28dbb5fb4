using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace IspPortal.Web.Features.Billing.Components;

/// <summary>A billing run in the words of the run history.</summary>
public static class BillingRunLabels
{
    public static string Kind(BillingRunKind kind, IStringLocalizer<SharedStrings> L) => kind switch
    {
        BillingRunKind.Invoices => L["Tagihan bulanan"],
        BillingRunKind.Reminders => L["Pengingat"],
        _ => L["Cek jatuh tempo"],
    };

    public static string Trigger(BillingRunTrigger trigger, IStringLocalizer<SharedStrings> L) => trigger switch
    {
        BillingRunTrigger.Schedule => L["Jadwal"],
        BillingRunTrigger.Manual => L["Manual"],
        _ => L["API"],
    };

    /// <summary>Created, skipped and failed mean different things for each kind of run.</summary>
    public static string Outcome(BillingRun run, IStringLocalizer<SharedStrings> L) => run.Kind switch
    {
        BillingRunKind.Invoices => L["{0} dibuat · {1} sudah ada", run.Created, run.Skipped],
        BillingRunKind.Reminders => L["{0} pesan diantrikan · {1} sudah dikirim", run.Created, run.Skipped],
        _ => L["{0} diisolir · {1} dikecualikan · {2} gagal", run.Created, run.Skipped, run.Failed],
    };
}
