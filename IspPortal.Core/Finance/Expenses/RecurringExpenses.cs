using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Expenses;

/// <param name="PaidFrom"><see cref="MoneyAccounts.Cash"/>, a bank account's code, or <see cref="MoneyAccounts.Payable"/> (owed each month).</param>
/// <param name="Amount">Net, without VAT.</param>
public sealed record RecurringExpenseInput(
    string CategoryCode, string Description, decimal Amount, decimal Vat, string PaidFrom, int DayOfMonth, DateOnly StartsOn, DateOnly? EndsOn = null, string? Vendor = null);

/// <param name="PaidFrom">As <see cref="RecurringExpenseInput.PaidFrom"/>.</param>
/// <param name="PaidFromName">The account's name; null when owed.</param>
public sealed record RecurringExpenseRow(
    int Id, string CategoryCode, string CategoryName, string? Vendor, string Description, decimal Amount, decimal Vat, string PaidFrom, string? PaidFromName,
    int DayOfMonth, DateOnly StartsOn, DateOnly? EndsOn, bool IsActive, DateOnly? LastCreatedMonth);

/// <summary>The monthly bills Finance sets up (finance.write to change, finance.read to see); the job records them.</summary>
public sealed class RecurringExpenses(IIspDbFactory dbs, LedgerAccounts ledger, FinanceCategories categories, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<RecurringExpenseRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceRead))
            return Outcome.Refused<IReadOnlyList<RecurringExpenseRow>>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var all = await categories.ExpenseAsync(db, cancellationToken);
        var map = await ledger.MapAsync(db, cancellationToken);
        var accounts = await db.LedgerAccounts.AsNoTracking().Where(a => a.Kind == AccountKind.Cash || a.Kind == AccountKind.Bank)
            .ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), cancellationToken);
        var rows = await db.RecurringExpenses.AsNoTracking().OrderByDescending(r => r.IsActive).ThenBy(r => r.DayOfMonth).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return Outcome.Done<IReadOnlyList<RecurringExpenseRow>>([.. rows.Select(r =>
        {
            var category = all.Single(c => c.Id == r.CategoryId);
            var (code, name) = r.PaymentAccountId is { } id && accounts.TryGetValue(id, out var account) ? account : (MoneyAccounts.Payable, (string?)null);
            return new RecurringExpenseRow(r.Id, category.Code, category.Name, r.Vendor, r.Description, r.Amount, r.Vat,
                r.PaymentAccountId == map[AccountRoles.Cash] ? MoneyAccounts.Cash : code, name, r.DayOfMonth, r.StartsOn, r.EndsOn, r.IsActive, r.LastCreatedMonth);
        })]);
    }

    /// <param name="id">Null to add one.</param>
    public async Task<Outcome<int>> SaveAsync(int? id, RecurringExpenseInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        var problems = new FieldErrors()
            .When(input.Amount <= 0, "amount", "Jumlah harus lebih dari 0.")
            .When(input.Amount > RecordExpense.MaxAmount, "amount", $"Jumlah paling banyak {Rupiah.Format(RecordExpense.MaxAmount)}.")
            .When(decimal.Round(input.Amount, 2) != input.Amount, "amount", "Jumlah paling banyak dua angka di belakang koma.")
            .When(input.Vat < 0 || input.Vat > RecordExpense.MaxAmount || decimal.Round(input.Vat, 2) != input.Vat, "vat", "PPN masukan tidak boleh negatif atau melebihi batas jumlah.")
            .When(string.IsNullOrWhiteSpace(input.Description), "description", "Keterangan wajib diisi.")
            .When(input.Description?.Length > RecurringExpense.DescriptionMaxLength, "description", $"Keterangan paling banyak {RecurringExpense.DescriptionMaxLength} karakter.")
            .When(input.Vendor?.Length > RecurringExpense.VendorMaxLength, "vendor", $"Vendor paling banyak {RecurringExpense.VendorMaxLength} karakter.")
            .When(input.DayOfMonth is < 1 or > RecurringExpense.LastDay, "dayOfMonth", $"Tanggal tiap bulan 1 sampai {RecurringExpense.LastDay}.")
            .When(input.StartsOn.Year < 2000, "startsOn", "Tanggal mulai tidak valid.")
            .When(input.EndsOn is { } end && end < input.StartsOn, "endsOn", "Tanggal berakhir tidak boleh sebelum tanggal mulai.")
            .When(string.IsNullOrWhiteSpace(input.PaidFrom) || input.PaidFrom.Length > LedgerAccount.CodeMaxLength, "paidFrom", "Sumber dana wajib dipilih.")
            .When(string.IsNullOrWhiteSpace(input.CategoryCode) || input.CategoryCode.Length > ExpenseCategory.CodeMaxLength, "categoryCode", "Kategori wajib dipilih.");
        if (problems.Any)
            return Outcome.Refused<int>(problems);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var category = (await categories.ExpenseAsync(db, cancellationToken)).FirstOrDefault(c => c.Code == input.CategoryCode.Trim());
        var map = await ledger.MapAsync(db, cancellationToken);
        var owed = input.PaidFrom.Trim().Equals(MoneyAccounts.Payable, StringComparison.OrdinalIgnoreCase);
        var account = owed ? null : MoneyAccounts.Resolve(map, input.PaidFrom);
        problems.When(category is null, "categoryCode", $"Kategori pengeluaran '{input.CategoryCode}' tidak dikenal.")
            .When(!owed && account is null, "paidFrom", $"Sumber dana '{input.PaidFrom}' tidak dikenal: pilih kas, akun bank, atau utang.");
        if (problems.Any)
            return Outcome.Refused<int>(problems);

        var description = input.Description!.Trim();
        var vendor = string.IsNullOrWhiteSpace(input.Vendor) ? null : input.Vendor.Trim();
        RecurringExpense recurring;
        if (id is { } existing)
        {
            if (await db.RecurringExpenses.SingleOrDefaultAsync(r => r.Id == existing, cancellationToken) is not { } found)
                return Outcome.Refused<int>("", "Pengeluaran berulang tidak ditemukan.");
            recurring = found;
            recurring.Change(category!.Id, description, input.Amount, input.Vat, account, input.DayOfMonth, input.StartsOn, input.EndsOn);
        }
        else
        {
            recurring = new RecurringExpense(category!.Id, description, input.Amount, input.Vat, account, input.DayOfMonth, input.StartsOn, input.EndsOn,
                actor.UserId, clock.GetUtcNow());
            db.RecurringExpenses.Add(recurring);
        }
        recurring.Vendor = vendor;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(recurring.Id);
    }

    /// <summary>No further month is recorded; the expenses already recorded stay.</summary>
    public async Task<Outcome<int>> StopAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await db.RecurringExpenses.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } recurring)
            return Outcome.Refused<int>("", "Pengeluaran berulang tidak ditemukan.");
        recurring.Stop();
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(recurring.Id);
    }
}
