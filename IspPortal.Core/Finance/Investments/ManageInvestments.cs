using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Investments;

public sealed record InvestmentInput(string Code, string Name, DateOnly StartDate, decimal PlannedAmount, string? Description);

/// <summary>What an investment links to: its customers' locations and routers, and its assets.</summary>
public enum InvestmentLinkKind
{
    Location,
    Router,
    Asset,
}

/// <summary>
/// Finance creates investments (expansion projects), links and unlinks their locations, routers and
/// assets, and tags expenses with them. Nothing here posts: the return is read from the books.
/// </summary>
public sealed class ManageInvestments(IIspDbFactory dbs, IDatabaseErrors errors, ICurrentUser currentUser, TimeProvider clock)
{
    public const string CodeIndex = "ux_investments_code";

    public async Task<Outcome<int>> CreateAsync(InvestmentInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        var problems = new FieldErrors()
            .When(string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > Investment.CodeMaxLength, "code", $"Kode wajib diisi (maks. {Investment.CodeMaxLength} karakter).")
            .When(string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > Investment.NameMaxLength, "name", $"Nama wajib diisi (maks. {Investment.NameMaxLength} karakter).")
            .When(input.PlannedAmount < 0 || input.PlannedAmount > Expenses.RecordExpense.MaxAmount || decimal.Round(input.PlannedAmount, 2) != input.PlannedAmount,
                "plannedAmount", "Rencana anggaran tidak valid.")
            .When(input.StartDate.Year < 2000, "startDate", "Tanggal mulai tidak valid.")
            .When(input.Description?.Length > Investment.DescriptionMaxLength, "description", $"Keterangan paling banyak {Investment.DescriptionMaxLength} karakter.");
        if (problems.Any)
            return Outcome.Refused<int>(problems);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var investment = new Investment
        {
            Code = input.Code.Trim(),
            Name = input.Name.Trim(),
            StartDate = input.StartDate,
            PlannedAmount = input.PlannedAmount,
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            RecordedById = actor.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Investments.Add(investment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) == CodeIndex)
        {
            return Outcome.Refused<int>("code", $"Kode '{investment.Code}' sudah dipakai investasi lain.");
        }
        return Outcome.Done(investment.Id);
    }

    /// <summary>Links (or, with <paramref name="linked"/> false, unlinks) a location, router or asset; linking twice is harmless.</summary>
    public async Task<Outcome<bool>> LinkAsync(int investmentId, InvestmentLinkKind kind, int targetId, bool linked = true, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<bool>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (!await db.Investments.AnyAsync(i => i.Id == investmentId, cancellationToken))
            return Outcome.Refused<bool>("", "Investasi tidak ditemukan.");
        var exists = kind switch
        {
            InvestmentLinkKind.Location => await db.LocationCodes.AnyAsync(l => l.Id == targetId, cancellationToken),
            InvestmentLinkKind.Router => await db.Routers.AnyAsync(r => r.Id == targetId, cancellationToken),
            _ => await db.Assets.AnyAsync(a => a.Id == targetId, cancellationToken),
        };
        if (!exists)
            return Outcome.Refused<bool>("target", "Yang dipilih tidak ditemukan.");
        var changed = kind switch
        {
            InvestmentLinkKind.Location => await Toggle(db.InvestmentLocations, l => l.InvestmentId == investmentId && l.LocationCodeId == targetId,
                new InvestmentLocation { InvestmentId = investmentId, LocationCodeId = targetId }, linked, cancellationToken),
            InvestmentLinkKind.Router => await Toggle(db.InvestmentRouters, r => r.InvestmentId == investmentId && r.RouterId == targetId,
                new InvestmentRouter { InvestmentId = investmentId, RouterId = targetId }, linked, cancellationToken),
            _ => await Toggle(db.InvestmentAssets, a => a.InvestmentId == investmentId && a.AssetId == targetId,
                new InvestmentAsset { InvestmentId = investmentId, AssetId = targetId }, linked, cancellationToken),
        };
        if (changed)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (errors.UniqueViolation(exception) is not null)
            {
                // Linked by someone else meanwhile: the link is there, as asked.
                return Outcome.Done(false);
            }
        }
        return Outcome.Done(changed);
    }

    /// <summary>Tags an expense with an investment, or clears the tag (<paramref name="investmentId"/> null).</summary>
    public async Task<Outcome<bool>> TagExpenseAsync(int expenseId, int? investmentId, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<bool>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (investmentId is { } id && !await db.Investments.AnyAsync(i => i.Id == id, cancellationToken))
            return Outcome.Refused<bool>("investmentId", "Investasi tidak ditemukan.");
        var expense = await db.Expenses.SingleOrDefaultAsync(e => e.Id == expenseId, cancellationToken);
        if (expense is null)
            return Outcome.Refused<bool>("expenseId", "Pengeluaran tidak ditemukan.");
        expense.InvestmentId = investmentId;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(true);
    }

    private static async Task<bool> Toggle<T>(DbSet<T> set, System.Linq.Expressions.Expression<Func<T, bool>> match, T link, bool linked, CancellationToken cancellationToken)
        where T : class
    {
        var existing = await set.SingleOrDefaultAsync(match, cancellationToken);
        if (linked && existing is null)
            set.Add(link);
        else if (!linked && existing is not null)
            set.Remove(existing);
        else
            return false;
        return true;
    }
}
