using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Invoices;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Billing.Endpoints;

public static class InvoiceEndpoints
{
    public static RouteGroupBuilder MapInvoiceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/invoices", async (InvoiceList list, string? period, string? status, string? search, int? page, int? pageSize, CancellationToken cancellationToken) =>
            {
                var errors = new FieldErrors();
                DateOnly? month = null;
                if (BillingPeriodText.TryParse(period, out var parsed))
                    month = parsed;
                else if (!string.IsNullOrEmpty(period))
                    errors.Add(nameof(period), BillingPeriodText.Malformed);
                if (!InvoiceStatusFilter.TryParse(status, out var statuses))
                    errors.Add(nameof(status), InvoiceStatusFilter.Unknown(status));
                if (errors.Any)
                    return Outcome.Refused<InvoiceListResponse>(errors).ToValidationProblem();
                var request = new PageRequest(Math.Max(page ?? 0, 0), Math.Clamp(pageSize ?? 25, 1, PageRequest.MaxPageSize), search);
                var result = await list.PageAsync(request, new InvoiceFilter(month, statuses), cancellationToken);
                return TypedResults.Ok(new InvoiceListResponse(
                    [.. result.Rows.Items.Select(InvoiceSummary.From)], result.Rows.Total, request.Page, request.Take,
                    new InvoiceTotalsDto(result.Totals.Count, result.Totals.Total, result.Totals.Paid, result.Totals.Due)));
            })
            .RequireAuthorization(Permissions.BillingRead)
            .WithTags("Billing")
            .Produces<InvoiceListResponse>()
            .ProducesValidationProblem()
            .WithSummary("Invoices, newest month first: period YYYY-MM, status (owing, Unpaid, PartiallyPaid, Paid, Overdue, Void), search by number or customer code, name or phone; with the totals of all that match");
        return api;
    }
}

/// <param name="Totals">Of every invoice that matches, not only this page; void invoices count but add no money.</param>
public sealed record InvoiceListResponse(IReadOnlyList<InvoiceSummary> Items, int Total, int Page, int PageSize, InvoiceTotalsDto Totals);

public sealed record InvoiceTotalsDto(int Count, decimal Total, decimal Paid, decimal Due);

public sealed record InvoiceSummary(
    int Id, string Number, string Period, DateOnly IssueDate, DateOnly DueDate, string CustomerCode, string CustomerName,
    decimal Total, decimal AmountPaid, decimal AmountDue, string Status)
{
    public static InvoiceSummary From(InvoiceRow row) => new(row.Id, row.Number, BillingPeriodText.Of(row.Period), row.IssueDate, row.DueDate,
        row.CustomerCode, row.CustomerName, row.Total, row.AmountPaid, row.AmountDue, row.Status.ToString());
}
