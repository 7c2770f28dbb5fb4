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
public sealed class ManageInvestments(IIspDbFactory dbs, IDatabaseErrors errors, ICurrentUser currentUser, IspClock ispClock, TimeProvider clock)
{
    public const string CodeIndex = "ux_investments_code";

    public static string DuplicateCode(string code) => $"Kode '{code}' sudah dipakai investasi lain.";

    /// <summary>A new investment: planned while its start is still ahead, active from then.</summary>
    public async Task<Outcome<int>> CreateAsync(InvestmentInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        var problems = Check(input);
        if (problems.Any)
            return Outcome.Refused<int>(problems);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var today = await ispClock.TodayAsync(cancellationToken);
        var investment = new Investment
        {
            Status = input.StartDate > today ? InvestmentStatus.Planned : InvestmentStatus.Active,
            RecordedById = actor.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
        Apply(investment, input);
        db.Investments.Add(investment);
        return await SaveAsync(db, investment, cancellationToken);
    }

    /// <summary>A new code, name, start, planned amount or description; the code stays unique.</summary>
    public async Task<Outcome<int>> UpdateAsync(int id, InvestmentInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        var problems = Check(input);
        if (problems.Any)
            return Outcome.Refused<int>(problems);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var investment = await db.Investments.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (investment is null)
            return Outcome.Refused<int>("", InvestmentBook.NotFound);
        Apply(investment, input);
        return await SaveAsync(db, investment, cancellationToken);
    }

    /// <summary>Planned → Active → Completed; a planned or active investment may be cancelled. Completed and cancelled are final.</summary>
    public async Task<Outcome<InvestmentStatus>> ChangeStatusAsync(int id, InvestmentStatus status, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<InvestmentStatus>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var investment = await db.Investments.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (investment is null)
            return Outcome.Refused<InvestmentStatus>("", InvestmentBook.NotFound);
        if (!Allowed(investment.Status).Contains(status))
            return Outcome.Refused<InvestmentStatus>("status", $"Status tidak bisa diubah dari {StatusName(investment.Status)} ke {StatusName(status)}.");
        investment.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(status);
    }

    /// <summary>The statuses an investment in <paramref name="status"/> may move to.</summary>
    public static IReadOnlyList<InvestmentStatus> Allowed(InvestmentStatus status) => status switch
    {
        InvestmentStatus.Planned => [InvestmentStatus.Active, InvestmentStatus.Cancelled],
        InvestmentStatus.Active => [InvestmentStatus.Completed, InvestmentStatus.Cancelled],
        _ => [],
    };

    public static string StatusName(InvestmentStatus status) => status switch
    {
        InvestmentStatus.Planned => "Direncanakan",
        InvestmentStatus.Active => "Berjalan",
        InvestmentStatus.Completed => "Selesai",
        InvestmentStatus.Cancelled => "Dibatalkan",
        _ => status.ToString(),
    };

    private static FieldErrors Check(InvestmentInput input) => new FieldErrors()
        .When(string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > Investment.CodeMaxLength, "code", $"Kode wajib diisi (maks. {Investment.CodeMaxLength} karakter).")
        .When(string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > Investment.NameMaxLength, "name", $"Nama wajib diisi (maks. {Investment.NameMaxLength} karakter).")
        .When(input.PlannedAmount < 0 || input.PlannedAmount > Expenses.RecordExpense.MaxAmount || decimal.Round(input.PlannedAmount, 2) != input.PlannedAmount,
            "plannedAmount", "Rencana anggaran tidak valid.")
        .When(input.StartDate.Year < 2000, "startDate", "Tanggal mulai tidak valid.")
        .When(input.Description?.Length > Investment.DescriptionMaxLength, "description", $"Keterangan paling banyak {Investment.DescriptionMaxLength} karakter.")
        .When(!SafeText.IsAcceptableFor("code", input.Code) || !SafeText.IsAcceptableFor("name", input.Name), "name", SafeText.RefusedMessage)
        .When(!SafeText.IsAcceptableFor("description", input.Description), "description", SafeText.RefusedMessage);

    private static void Apply(Investment investment, InvestmentInput input)
    {
        investment.Code = input.Code.Trim();
        investment.Name = input.Name.Trim();
        investment.StartDate = input.StartDate;
        investment.PlannedAmount = input.PlannedAmount;
        investment.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
    }

    private async Task<Outcome<int>> SaveAsync(IIspDb db, Investment investment, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) == CodeIndex)
        {
            return Outcome.Refused<int>("code", DuplicateCode(investment.Code));
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
            return Outcome.Refused<bool>("", InvestmentBook.NotFound);
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
    public Task<Outcome<bool>> TagExpenseAsync(int expenseId, int? investmentId, CancellationToken cancellationToken = default) =>
        TagAsync(db => db.Expenses.SingleOrDefaultAsync(e => e.Id == expenseId, cancellationToken), e => e.InvestmentId = investmentId,
            investmentId, "expenseId", "Pengeluaran tidak ditemukan.", cancellationToken);

    /// <summary>Tags other income (tower rent at the site) with an investment, or clears the tag: it counts as the investment's revenue.</summary>
    public Task<Outcome<bool>> TagIncomeAsync(int incomeId, int? investmentId, CancellationToken cancellationToken = default) =>
        TagAsync(db => db.Income.SingleOrDefaultAsync(i => i.Id == incomeId, cancellationToken), i => i.InvestmentId = investmentId,
            investmentId, "incomeId", "Pemasukan tidak ditemukan.", cancellationToken);

    private async Task<Outcome<bool>> TagAsync<T>(Func<IIspDb, Task<T?>> find, Action<T> tag, int? investmentId, string field, string notFound,
        CancellationToken cancellationToken) where T : class
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<bool>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (investmentId is { } id && !await db.Investments.AnyAsync(i => i.Id == id, cancellationToken))
            return Outcome.Refused<bool>("investmentId", InvestmentBook.NotFound);
        if (await find(db) is not { } document)
            return Outcome.Refused<bool>(field, notFound);
        tag(document);
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
