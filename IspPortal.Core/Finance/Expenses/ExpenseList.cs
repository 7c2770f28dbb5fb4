using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Expenses;

public sealed record ExpenseFilter(DateOnly? From = null, DateOnly? To = null, string? CategoryCode = null, ExpenseStatus? Status = null);

/// <param name="PaidFrom">The cash or bank account's name; null while owed.</param>
public sealed record ExpenseRow(
    int Id, string Number, DateOnly Date, string CategoryCode, string CategoryName, string? Vendor, string Description,
    decimal Amount, decimal Vat, bool OnCredit, string? PaidFrom, DateOnly? PaidOn, ExpenseStatus Status, string? RejectionReason,
    string? ReceiptPath, string? Notes)
{
    public decimal Total => Amount + Vat;

    public bool IsOutstanding => OnCredit && PaidOn is null && Status == ExpenseStatus.Approved;
}

/// <param name="Amount">Net amounts of the approved expenses matching the filter (every page).</param>
/// <param name="Outstanding">What approved owed expenses matching the filter still owe (amount + VAT).</param>
public sealed record ExpensePage(IReadOnlyList<ExpenseRow> Items, int Total, decimal Amount, decimal Vat, decimal Outstanding, int Submitted);

/// <summary>
/// Expenses newest first, filtered by day, category and status. Who sees what (<see cref="Visible"/>):
/// finance.read (Finance, Admin, Manager) every expense; anyone else who may submit (expenses.submit)
/// only the ones they entered; nobody else any. The totals follow the same rule.
/// </summary>
public sealed class ExpenseList(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public async Task<Outcome<ExpensePage>> PageAsync(ExpenseFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceRead) && !actor.Holds(Permissions.ExpensesSubmit))
            return Outcome.Refused<ExpensePage>("", Actor.NotPermitted);
        var request = new PageRequest(page, pageSize);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var query = Visible(db, actor);
        if (filter.From is { } from)
            query = query.Where(e => e.ExpenseDate >= from);
        if (filter.To is { } to)
            query = query.Where(e => e.ExpenseDate <= to);
        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
            query = query.Where(e => db.ExpenseCategories.Any(c => c.Id == e.CategoryId && c.Code == filter.CategoryCode));
        if (filter.Status is { } status)
            query = query.Where(e => e.Status == status);

        var totals = await query.GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Amount = g.Where(e => e.Status == ExpenseStatus.Approved).Sum(e => e.Amount),
            Vat = g.Where(e => e.Status == ExpenseStatus.Approved).Sum(e => e.Vat),
            Outstanding = g.Where(e => e.Status == ExpenseStatus.Approved && e.OnCredit && e.PaidOn == null).Sum(e => e.Amount + e.Vat),
            Submitted = g.Count(e => e.Status == ExpenseStatus.Submitted),
        }).SingleOrDefaultAsync(cancellationToken);

        var items = await query.OrderByDescending(e => e.ExpenseDate).ThenByDescending(e => e.Id).Skip(request.Skip).Take(request.Take)
            .Join(db.ExpenseCategories, e => e.CategoryId, c => c.Id, (e, c) => new { e, c })
            .Select(x => new ExpenseRow(x.e.Id, x.e.Number, x.e.ExpenseDate, x.c.Code, x.c.Name, x.e.Vendor, x.e.Description, x.e.Amount, x.e.Vat,
                x.e.OnCredit, db.LedgerAccounts.Where(a => a.Id == x.e.PaymentAccountId).Select(a => a.Name).FirstOrDefault(), x.e.PaidOn,
                x.e.Status, x.e.RejectionReason, x.e.ReceiptPath, x.e.Notes))
            .ToListAsync(cancellationToken);
        return Outcome.Done(new ExpensePage(items, totals?.Count ?? 0, totals?.Amount ?? 0, totals?.Vat ?? 0, totals?.Outstanding ?? 0, totals?.Submitted ?? 0));
    }

    /// <summary>The expenses <paramref name="actor"/> may see: all with finance.read, their own submissions with expenses.submit, none otherwise.</summary>
    public static IQueryable<Expense> Visible(IIspDb db, Actor actor)
    {
        var query = db.Expenses.AsNoTracking();
        if (actor.Holds(Permissions.FinanceRead))
            return query;
        if (!actor.Holds(Permissions.ExpensesSubmit) || actor.UserId is not { } me)
            return query.Where(_ => false);
        return query.Where(e => e.RecordedById == me);
    }
}
