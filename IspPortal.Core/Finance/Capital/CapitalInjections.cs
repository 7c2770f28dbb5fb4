using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Capital;

public sealed record CapitalRow(int Id, string Number, DateOnly Date, string Investor, string Description, decimal Amount, string PaidIntoCode, string PaidIntoName);

/// <param name="Total">The sum of every injection listed.</param>
public sealed record CapitalList(IReadOnlyList<CapitalRow> Rows, decimal Total);

/// <summary>The capital injections, newest first, with their total (the <c>/finance/capital</c> page).</summary>
public sealed class CapitalInjections(IIspDbFactory dbs)
{
    /// <summary>The unique index on the idempotency key, which a racing duplicate trips.</summary>
    public const string IdempotencyIndex = "ux_capital_injections_idempotency_key";

    public async Task<CapitalList> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var rows = await db.CapitalInjections.AsNoTracking()
            .Join(db.LedgerAccounts, c => c.AccountId, a => a.Id, (c, a) => new { c.Id, c.InjectedOn, c.Investor, c.Description, c.Amount, a.Code, a.Name })
            .OrderByDescending(c => c.InjectedOn).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return new CapitalList(
            [.. rows.Select(r => new CapitalRow(r.Id, CapitalInjection.NumberOf(r.Id), r.InjectedOn, r.Investor, r.Description, r.Amount, r.Code, r.Name))],
            rows.Sum(r => r.Amount));
    }
}
