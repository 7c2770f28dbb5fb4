using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.OtherIncome;

public sealed record IncomeFilter(DateOnly? From = null, DateOnly? To = null, string? CategoryCode = null);

public sealed record IncomeRow(int Id, string Number, DateOnly Date, string CategoryCode, string CategoryName, string Source, string Description, decimal Amount, string ReceivedIn);

/// <param name="Amount">The sum over every page.</param>
public sealed record IncomePage(IReadOnlyList<IncomeRow> Items, int Total, decimal Amount);

/// <summary>Other income newest first, filtered by day and category (finance.read).</summary>
public sealed class IncomeList(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public async Task<Outcome<IncomePage>> PageAsync(IncomeFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceRead))
            return Outcome.Refused<IncomePage>("", Actor.NotPermitted);
        var request = new PageRequest(page, pageSize);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var query = db.Income.AsNoTracking();
        if (filter.From is { } from)
            query = query.Where(i => i.IncomeDate >= from);
        if (filter.To is { } to)
            query = query.Where(i => i.IncomeDate <= to);
        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
            query = query.Where(i => db.IncomeCategories.Any(c => c.Id == i.CategoryId && c.Code == filter.CategoryCode));
        var total = await query.CountAsync(cancellationToken);
        var amount = await query.SumAsync(i => i.Amount, cancellationToken);
        var items = await query.OrderByDescending(i => i.IncomeDate).ThenByDescending(i => i.Id).Skip(request.Skip).Take(request.Take)
            .Join(db.IncomeCategories, i => i.CategoryId, c => c.Id, (i, c) => new { i, c })
            .Join(db.LedgerAccounts, x => x.i.AccountId, a => a.Id, (x, a) => new IncomeRow(x.i.Id, x.i.Number, x.i.IncomeDate, x.c.Code, x.c.Name, x.i.Source, x.i.Description, x.i.Amount, a.Name))
            .ToListAsync(cancellationToken);
        return Outcome.Done(new IncomePage(items, total, amount));
    }
}
