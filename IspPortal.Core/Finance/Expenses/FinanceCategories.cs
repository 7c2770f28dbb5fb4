using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.OtherIncome;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Expenses;

/// <param name="AccountActive">False once Finance deactivated the account: the category is no longer offered, and nothing new posts to it.</param>
public sealed record CategoryView(int Id, string Code, string Name, int AccountId, string AccountCode, bool AccountActive = true)
{
    /// <summary>Why nothing new can be recorded in this category; null when it can.</summary>
    public string? Refusal => AccountActive ? null : $"Akun {AccountCode} untuk kategori '{Name}' sudah tidak aktif; pilih kategori lain.";
}

/// <param name="Code"><see cref="MoneyAccounts.Cash"/> or a bank account's ledger code.</param>
public sealed record MoneyAccountView(int Id, string Code, string Name);

/// <summary>Where money can be paid from or received into: <c>cash</c> (the Cash role) or an active bank account by its code.</summary>
public static class MoneyAccounts
{
    public const string Cash = "cash";

    /// <summary>What an expense names instead of an account when it is owed to the vendor (Utang usaha).</summary>
    public const string Payable = "payable";

    public static int? Resolve(AccountMap map, string? code) =>
        code?.Trim() switch
        {
            null or "" => null,
            var c when c.Equals(Cash, StringComparison.OrdinalIgnoreCase) => map[AccountRoles.Cash],
            var c => map.ByCode(c) is { Kind: AccountKind.Bank, IsActive: true } bank ? bank.Id : null,
        };
}

/// <summary>
/// The expense and income categories and the money accounts the screens and the API offer. A database
/// without the standard categories (a new install, a test database emptied between tests) gets the
/// missing ones first, after the chart they point to.
/// </summary>
public sealed class FinanceCategories(IIspDbFactory dbs, LedgerAccounts ledger, IFinanceCategorySeeder seeder)
{
    public async Task<IReadOnlyList<CategoryView>> ExpenseAsync(IIspDb db, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(db, cancellationToken);
        return await db.ExpenseCategories.AsNoTracking().OrderBy(c => c.Name)
            .Join(db.LedgerAccounts, c => c.AccountId, a => a.Id, (c, a) => new CategoryView(c.Id, c.Code, c.Name, a.Id, a.Code, a.IsActive))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CategoryView>> IncomeAsync(IIspDb db, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(db, cancellationToken);
        return await db.IncomeCategories.AsNoTracking().OrderBy(c => c.Name)
            .Join(db.LedgerAccounts, c => c.AccountId, a => a.Id, (c, a) => new CategoryView(c.Id, c.Code, c.Name, a.Id, a.Code, a.IsActive))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CategoryView>> ExpenseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await ExpenseAsync(db, cancellationToken);
    }

    public async Task<IReadOnlyList<CategoryView>> IncomeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await IncomeAsync(db, cancellationToken);
    }

    /// <summary>Cash first, then the active bank accounts by code.</summary>
    public async Task<IReadOnlyList<MoneyAccountView>> MoneyAccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var map = await ledger.MapAsync(db, cancellationToken);
        var cash = await db.LedgerAccounts.AsNoTracking().SingleAsync(a => a.Id == map[AccountRoles.Cash], cancellationToken);
        var banks = await db.LedgerAccounts.AsNoTracking().Where(a => a.Kind == AccountKind.Bank && a.IsActive).OrderBy(a => a.Code)
            .Select(a => new MoneyAccountView(a.Id, a.Code, a.Name)).ToListAsync(cancellationToken);
        return [new MoneyAccountView(cash.Id, MoneyAccounts.Cash, cash.Name), .. banks];
    }

    private async Task EnsureAsync(IIspDb db, CancellationToken cancellationToken)
    {
        var expenseCodes = await db.ExpenseCategories.Select(c => c.Code).ToListAsync(cancellationToken);
        var incomeCodes = await db.IncomeCategories.Select(c => c.Code).ToListAsync(cancellationToken);
        if (StandardExpenseCategories.All.All(c => expenseCodes.Contains(c.Code)) && StandardIncomeCategories.All.All(c => incomeCodes.Contains(c.Code)))
            return;
        await ledger.MapAsync(db, cancellationToken);
        await seeder.EnsureAsync(db, cancellationToken);
    }
}
