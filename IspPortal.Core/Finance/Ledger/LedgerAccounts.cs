using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>The accounts a posting needs, by role or code, read once per use.</summary>
public sealed class AccountMap(IReadOnlyDictionary<string, int> byRole, IReadOnlyDictionary<string, LedgerAccount> byCode)
{
    public int this[string role] => byRole.TryGetValue(role, out var id)
        ? id
        : throw new InvalidOperationException($"No ledger account plays the role '{role}'.");

    public LedgerAccount? ByCode(string code) => byCode.GetValueOrDefault(code);

    /// <summary>Confirmed transfers go to the bank named in the settings, or the default bank.</summary>
    public int TransferAccount(FinanceSettings settings) =>
        ByCode(settings.TransferAccountCode) is { Kind: AccountKind.Bank } bank ? bank.Id : this[AccountRoles.DefaultBank];
}

/// <summary>Adds the standard accounts whose role and code are both free, in the caller's transaction, safe from two instances at once.</summary>
public interface IStandardChartSeeder
{
    Task EnsureAsync(IIspDb db, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads the chart for postings. A database without the standard accounts (a new install, a test
/// database emptied between tests) gets the missing ones first, so no event ever fails for want of
/// an account; accounts Finance renamed keep their roles and are not added again.
/// </summary>
public sealed class LedgerAccounts(IStandardChartSeeder seeder)
{
    public async Task<AccountMap> MapAsync(IIspDb db, CancellationToken cancellationToken = default)
    {
        var accounts = await db.LedgerAccounts.AsNoTracking().ToListAsync(cancellationToken);
        var roles = accounts.Where(a => a.Role is not null).Select(a => a.Role!).ToHashSet(StringComparer.Ordinal);
        if (StandardChart.Accounts.Any(a => a.Role is not null && !roles.Contains(a.Role)))
        {
            await seeder.EnsureAsync(db, cancellationToken);
            accounts = await db.LedgerAccounts.AsNoTracking().ToListAsync(cancellationToken);
        }
        return new AccountMap(
            accounts.Where(a => a.Role is not null).ToDictionary(a => a.Role!, a => a.Id, StringComparer.Ordinal),
            accounts.ToDictionary(a => a.Code, StringComparer.Ordinal));
    }
}
