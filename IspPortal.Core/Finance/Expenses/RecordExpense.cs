using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Expenses;

/// <param name="PaidFrom"><see cref="MoneyAccounts.Cash"/>, a bank account's ledger code, or <see cref="MoneyAccounts.Payable"/> when owed to the vendor.</param>
/// <param name="Amount">The net amount, without VAT.</param>
/// <param name="IdempotencyKey">Chosen by the screen when it opens (or by the API caller): the same key twice records one expense.</param>
/// <param name="ReceiptName">A receipt stored through <see cref="IExpenseReceiptStore"/>.</param>
public sealed record ExpenseInput(
    DateOnly Date, string CategoryCode, decimal Amount, string Description, string PaidFrom, string IdempotencyKey,
    decimal Vat = 0, string? Vendor = null, string? Notes = null, string? ReceiptName = null, string? Reference = null);

/// <param name="AlreadyRecorded">The key had recorded this expense before; nothing new was written.</param>
public sealed record RecordedExpense(int Id, string Number, ExpenseStatus Status, decimal Amount, decimal Vat, bool AlreadyRecorded);

/// <summary>
/// An expense entered: by Finance or Admin (or an API key with finance.write) it is approved and
/// posted at once; by anyone else who may submit it waits for Finance (<see cref="ReviewExpense"/>).
/// </summary>
public sealed class RecordExpense(
    IIspDbFactory dbs, IDocumentSequences sequences, LedgerAccounts ledger, FinanceCategories categories, IJournalWriter journal,
    IExpenseReceiptStore receipts, IDatabaseErrors errors, IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public const decimal MaxAmount = 100_000_000_000m;

    public async Task<Outcome<RecordedExpense>> ExecuteAsync(ExpenseInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        var posts = actor.Holds(Permissions.FinanceWrite);
        if (!posts && !actor.Holds(Permissions.ExpensesSubmit))
            return Outcome.Refused<RecordedExpense>("", Actor.NotPermitted);
        var today = await ispClock.TodayAsync(cancellationToken);
        var problems = Check(input, today);
        if (problems.Any)
            return Outcome.Refused<RecordedExpense>(problems);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var category = (await categories.ExpenseAsync(db, cancellationToken)).FirstOrDefault(c => c.Code == input.CategoryCode.Trim());
        var map = await ledger.MapAsync(db, cancellationToken);
        var owed = input.PaidFrom.Trim().Equals(MoneyAccounts.Payable, StringComparison.OrdinalIgnoreCase);
        var account = owed ? null : MoneyAccounts.Resolve(map, input.PaidFrom);
        problems.When(category is null, "categoryCode", $"Kategori pengeluaran '{input.CategoryCode}' tidak dikenal.")
            .When(category?.Refusal is not null, "categoryCode", category?.Refusal ?? "")
            .When(!owed && account is null, "paidFrom", $"Sumber dana '{input.PaidFrom}' tidak dikenal: pilih kas ('{MoneyAccounts.Cash}'), kode akun bank, atau '{MoneyAccounts.Payable}' (utang).");
        if (await ClosedPeriods.RefusalAsync(db, input.Date, cancellationToken) is { } closed)
            problems.Add("date", closed);
        if (problems.Any)
            return Outcome.Refused<RecordedExpense>(problems);

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await Earlier(db, input.IdempotencyKey, cancellationToken) is { } earlier)
                return Repeat(earlier, input, category!);

            var now = clock.GetUtcNow();
            var number = await sequences.NextNumberAsync(db, ExpenseNumbers.Kind, Expense.NumberFormat, new DateOnly(input.Date.Year, input.Date.Month, 1), cancellationToken);
            var expense = new Expense(number, input.Date, category!.Id, input.Description.Trim(), input.Amount, input.Vat, account, input.IdempotencyKey, actor.UserId, now)
            {
                Vendor = Blank(input.Vendor),
                Notes = Blank(input.Notes),
                Reference = Blank(input.Reference),
                ReceiptPath = Blank(input.ReceiptName),
            };
            if (posts)
                expense.Approve(actor.UserId, now);
            db.Expenses.Add(expense);
            await db.SaveChangesAsync(cancellationToken);
            if (posts)
                await journal.PostAsync(db, [ExpensePosting.Entry(expense, category, map, actor.UserId)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome.Done(new RecordedExpense(expense.Id, expense.Number, expense.Status, expense.Amount, expense.Vat, false));
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) == "ux_expenses_idempotency_key")
        {
            // Another request with the same key won between our check and our insert: report its expense.
            await using var again = await dbs.CreateAsync(cancellationToken);
            return Repeat((await Earlier(again, input.IdempotencyKey, cancellationToken))!, input, category!);
        }
    }

    private FieldErrors Check(ExpenseInput input, DateOnly today)
    {
        var errors = new FieldErrors()
            .When(input.Amount <= 0, "amount", "Jumlah harus lebih dari 0.")
            .When(input.Amount > MaxAmount, "amount", $"Jumlah paling banyak {Rupiah.Format(MaxAmount)}.")
            .When(decimal.Round(input.Amount, 2) != input.Amount, "amount", "Jumlah paling banyak dua angka di belakang koma.")
            .When(input.Vat < 0 || input.Vat > MaxAmount, "vat", "PPN masukan tidak boleh negatif atau melebihi batas jumlah.")
            .When(decimal.Round(input.Vat, 2) != input.Vat, "vat", "PPN paling banyak dua angka di belakang koma.")
            .When(input.Date > today, "date", "Tanggal pengeluaran tidak boleh di masa depan.")
            .When(input.Date.Year < 2000, "date", "Tanggal pengeluaran tidak valid.")
            .When(string.IsNullOrWhiteSpace(input.Description), "description", "Keterangan wajib diisi.")
            .When(input.Description?.Length > Expense.DescriptionMaxLength, "description", $"Keterangan paling banyak {Expense.DescriptionMaxLength} karakter.")
            .When(string.IsNullOrWhiteSpace(input.CategoryCode) || input.CategoryCode.Length > ExpenseCategory.CodeMaxLength, "categoryCode", "Kategori wajib dipilih.")
            .When(string.IsNullOrWhiteSpace(input.PaidFrom) || input.PaidFrom.Length > LedgerAccount.CodeMaxLength, "paidFrom", "Sumber dana wajib dipilih.")
            .When(input.Vendor?.Length > Expense.VendorMaxLength, "vendor", $"Vendor paling banyak {Expense.VendorMaxLength} karakter.")
            .When(input.Notes?.Length > Expense.NotesMaxLength, "notes", $"Catatan paling banyak {Expense.NotesMaxLength} karakter.")
            .When(input.Reference?.Length > Expense.ReferenceMaxLength, "reference", $"Referensi paling banyak {Expense.ReferenceMaxLength} karakter.")
            .When(string.IsNullOrWhiteSpace(input.IdempotencyKey) || input.IdempotencyKey.Length > Expense.IdempotencyKeyMaxLength,
                "idempotencyKey", $"Kunci idempotensi wajib diisi (maks. {Expense.IdempotencyKeyMaxLength} karakter).");
        if (!string.IsNullOrWhiteSpace(input.ReceiptName) && !receipts.Exists(input.ReceiptName))
            errors.Add("receipt", "Bukti tidak ditemukan; unggah ulang.");
        return errors;
    }

    private static Task<Expense?> Earlier(IIspDb db, string key, CancellationToken cancellationToken) =>
        db.Expenses.AsNoTracking().SingleOrDefaultAsync(e => e.IdempotencyKey == key, cancellationToken);

    /// <summary>The amounts as the caller sent them (equal to the stored ones), so a retry's answer is the first answer byte for byte.</summary>
    private static Outcome<RecordedExpense> Repeat(Expense earlier, ExpenseInput input, CategoryView category) =>
        earlier.Amount == input.Amount && earlier.Vat == input.Vat && earlier.CategoryId == category.Id && earlier.ExpenseDate == input.Date
            ? Outcome.Done(new RecordedExpense(earlier.Id, earlier.Number, earlier.Status, input.Amount, input.Vat, true))
            : Outcome.Refused<RecordedExpense>("idempotencyKey", $"Kunci idempotensi ini sudah dipakai untuk pengeluaran {earlier.Number} yang berbeda.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public static class ExpenseNumbers
{
    public const string Kind = "expense";
    public const string IncomeKind = "income";
}
