using System.Text.RegularExpressions;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Ledger;

/// <param name="Role">The posting role the account plays (<see cref="AccountRoles"/>), null for accounts Finance added.</param>
/// <param name="Used">Some line posted to it: it can be deactivated, never deleted.</param>
public sealed record AccountView(int Id, string Code, string Name, AccountType Type, AccountKind Kind, string? Role, bool IsActive, bool Used);

public sealed record AccountInput(string Code, string Name, AccountType Type, AccountKind Kind = AccountKind.General);

/// <summary>
/// Finance keeps the chart: adds accounts, renames and renumbers them, deactivates those no longer
/// used and deletes only those never posted to. Accounts playing a posting role stay active:
/// the business events post to them.
/// </summary>
public sealed partial class ChartOfAccounts(IIspDbFactory dbs, ICurrentUser currentUser, LedgerAccounts ledgerAccounts, IDatabaseErrors errors)
{
    public const string InUse = "Akun sudah dipakai; nonaktifkan saja.";
    public const string RoleAccountStaysActive = "Akun ini dipakai pencatatan otomatis (tagihan, pembayaran, penyusutan...) dan tidak bisa dinonaktifkan.";
    public const string DuplicateCode = "Kode akun sudah dipakai akun lain.";

    /// <summary>The whole chart by code; a new portal gets the standard chart first.</summary>
    public async Task<Outcome<IReadOnlyList<AccountView>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceRead))
            return Outcome.Refused<IReadOnlyList<AccountView>>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        await ledgerAccounts.MapAsync(db, cancellationToken);
        var accounts = await db.LedgerAccounts.AsNoTracking().OrderBy(a => a.Code)
            .Select(a => new AccountView(a.Id, a.Code, a.Name, a.Type, a.Kind, a.Role, a.IsActive, db.JournalLines.Any(l => l.AccountId == a.Id)))
            .ToListAsync(cancellationToken);
        return Outcome.Done<IReadOnlyList<AccountView>>(accounts);
    }

    public async Task<Outcome<int>> AddAsync(AccountInput input, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        var (code, name) = (input.Code.Trim(), SafeText.Clean(input.Name).Trim());
        var problems = CheckCodeAndName(code, name)
            .When(!Enum.IsDefined(input.Type), nameof(AccountInput.Type), "Jenis akun tidak dikenal.")
            .When(!Enum.IsDefined(input.Kind), nameof(AccountInput.Kind), "Golongan akun tidak dikenal.")
            .When(input.Kind is not AccountKind.General && input.Type is not AccountType.Asset, nameof(AccountInput.Kind), "Hanya akun aset yang bisa berupa kas, bank atau kliring.");
        if (problems.Any)
            return Outcome.Refused<int>(problems);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var account = new LedgerAccount(code, name, input.Type, input.Kind);
        db.LedgerAccounts.Add(account);
        return await SaveAsync(db, account, cancellationToken);
    }

    /// <summary>A new name, and a new code if Finance renumbers: postings find accounts by role, so nothing breaks.</summary>
    public async Task<Outcome<int>> RenameAsync(int id, string code, string name, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        (code, name) = (code.Trim(), SafeText.Clean(name).Trim());
        var problems = CheckCodeAndName(code, name);
        if (problems.Any)
            return Outcome.Refused<int>(problems);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await db.LedgerAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } account)
            return Outcome.Refused<int>("", "Akun tidak ditemukan.");
        account.Rename(code, name);
        return await SaveAsync(db, account, cancellationToken);
    }

    public async Task<Outcome<int>> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await db.LedgerAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } account)
            return Outcome.Refused<int>("", "Akun tidak ditemukan.");
        if (!active && account.Role is not null)
            return Outcome.Refused<int>("", RoleAccountStaysActive);
        if (active)
            account.Activate();
        else
            account.Deactivate();
        return await SaveAsync(db, account, cancellationToken);
    }

    /// <summary>Only an account never posted to (a typo, a duplicate): the journal's lines keep theirs forever.</summary>
    public async Task<Outcome<int>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await db.LedgerAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } account)
            return Outcome.Refused<int>("", "Akun tidak ditemukan.");
        if (account.Role is not null)
            return Outcome.Refused<int>("", RoleAccountStaysActive);
        if (await db.JournalLines.AnyAsync(l => l.AccountId == id, cancellationToken))
            return Outcome.Refused<int>("", InUse);
        db.LedgerAccounts.Remove(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (errors.ForeignKeyViolation(exception) is not null)
        {
            // A line posted between the check and the delete, or another table (a budget, a category) names it.
            return Outcome.Refused<int>("", InUse);
        }
        return Outcome.Done(id);
    }

    private static FieldErrors CheckCodeAndName(string code, string name) => new FieldErrors()
        .When(!CodePattern().IsMatch(code), nameof(AccountInput.Code), "Kode akun berformat 1-1100 (satu angka, tanda hubung, empat angka).")
        .When(name.Length == 0, nameof(AccountInput.Name), "Nama akun wajib diisi.")
        .When(name.Length > LedgerAccount.NameMaxLength, nameof(AccountInput.Name), $"Nama akun paling banyak {LedgerAccount.NameMaxLength} karakter.");

    private async Task<Outcome<int>> SaveAsync(IIspDb db, LedgerAccount account, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) is not null)
        {
            return Outcome.Refused<int>(nameof(AccountInput.Code), DuplicateCode);
        }
        return Outcome.Done(account.Id);
    }

    [GeneratedRegex("^[0-9]-[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
