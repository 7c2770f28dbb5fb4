using System.Linq.Expressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.InvoiceRuns;

/// <summary>The history of billing runs (invoices, reminders, overdue checks), newest first.</summary>
public sealed class BillingRunList(IIspDbFactory dbs)
{
    public async Task<PagedResult<BillingRun>> PageAsync(PageRequest request, BillingRunKind? kind, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var runs = db.BillingRuns.AsNoTracking();
        if (kind is { } only)
            runs = runs.Where(r => r.Kind == only);
        var sortColumns = new Dictionary<string, Expression<Func<BillingRun, object?>>>
        {
            [nameof(BillingRun.StartedAt)] = r => r.StartedAt,
            [nameof(BillingRun.Period)] = r => r.Period,
            [nameof(BillingRun.Kind)] = r => r.Kind,
            [nameof(BillingRun.Status)] = r => r.Status,
        };
        return await runs.ToPageAsync(request with { Descending = request.SortBy is null || request.Descending },
            sortColumns, nameof(BillingRun.StartedAt), r => r.Id, cancellationToken);
    }
}
