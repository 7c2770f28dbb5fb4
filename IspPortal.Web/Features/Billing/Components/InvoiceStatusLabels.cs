using IspPortal.Core.Billing;

namespace IspPortal.Web.Features.Billing.Components;

/// <summary>An invoice's status as customers read it (pay page, customer portal): the key to pass through the localizer.</summary>
public static class InvoiceStatusLabels
{
    public static string ForCustomer(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => "LUNAS",
        InvoiceStatus.Void => "TAGIHAN DIBATALKAN",
        InvoiceStatus.Overdue => "LEWAT JATUH TEMPO",
        InvoiceStatus.PartiallyPaid => "DIBAYAR SEBAGIAN",
        _ => "BELUM DIBAYAR",
    };
}
