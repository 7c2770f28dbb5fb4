using IspPortal.Core.Billing.Invoices;

namespace IspPortal.Web.Features.Billing.Components;

/// <param name="Status">An <see cref="InvoiceStatusFilter"/> choice: "owing" or a status name; null for all.</param>
public sealed record InvoiceFilterChoice(DateOnly? Period = null, string? Status = null, int? LocationCodeId = null, int? RouterId = null)
{
    public InvoiceFilter ToFilter() =>
        new(Period, InvoiceStatusFilter.TryParse(Status, out var statuses) ? statuses : null, LocationCodeId, RouterId);
}
