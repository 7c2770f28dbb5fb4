using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.OtherIncome;

/// <param name="ReceivedIn"><see cref="MoneyAccounts.Cash"/> or a bank account's ledger code.</param>
/// <param name="Source">Who paid.</param>
public sealed record IncomeInput(
    DateOnly Date, string CategoryCode, decimal Amount, string Description, string ReceivedIn, string Source, string IdempotencyKey, string? Reference = null);

public sealed record RecordedIncome(int Id, string Number, decimal Amount, bool AlreadyRecorded);

/// <summary>Other income recorded by Finance and posted at once: Dr cash or bank, Cr the category's revenue account.</summary>
public sealed class RecordIncome(
    IIspDbFactory dbs, IDocumentSequences sequences, LedgerAccounts ledger, FinanceCategories categories, IJournalWriter journal,
    IDatabaseErrors errors, IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<RecordedIncome>> ExecuteAsync(IncomeInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<RecordedIncome>("", Actor.NotPermitted);
        var today = await ispClock.TodayAsync(cancellationToken);
        var problems = new FieldErrors()
            .When(input.Amount <= 0, "amount", "Jumlah harus lebih dari 0.")
            .When(input.Amount > RecordExpense.MaxAmount, "amount", $"Jumlah paling banyak {Rupiah.Format(RecordExpense.MaxAmount)}.")
            .When(decimal.Round(input.Amount, 2) != input.Amount, "amount", "Jumlah paling banyak dua angka di belakang koma.")
            .When(input.Date > today, "date", "Tanggal pemasukan tidak boleh di masa depan.")
            .When(input.Date.Year < 2000, "date", "Tanggal pemasukan tidak valid.")
            .When(string.IsNullOrWhiteSpace(input.Description), "description", "Keterangan wajib diisi.")
            .When(input.Description?.Length > Income.DescriptionMaxLength, "description", $"Keterangan paling banyak {Income.DescriptionMaxLength} karakter.")
            .When(string.IsNullOrWhiteSpace(input.Source), "source", "Sumber (pembayar) wajib diisi.")
            .When(input.Source?.Length > Income.SourceMaxLength, "source", $"Sumber paling banyak {Income.SourceMaxLength} karakter.")
            .When(string.IsNullOrWhiteSpace(input.CategoryCode) || input.CategoryCode.Length > IncomeCategory.CodeMaxLength, "categoryCode", "Kategori wajib dipilih.")
            .When(string.IsNullOrWhiteSpace(input.ReceivedIn) || input.ReceivedIn.Length > LedgerAccount.CodeMaxLength, "receivedIn", "Rekening penerima wajib dipilih.")
            .When(input.Reference?.Length > Income.ReferenceMaxLength, "reference", $"Referensi paling banyak {Income.ReferenceMaxLength} karakter.")
            .When(string.IsNullOrWhiteSpace(input.IdempotencyKey) || input.IdempotencyKey.Length > Income.IdempotencyKeyMaxLength,
                "idempotencyKey", $"Kunci idempotensi wajib diisi (maks. {Income.IdempotencyKeyMaxLength} karakter).");
        if (problems.Any)
            return Outcome.Refused<RecordedIncome>(problems);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var category = (await categories.IncomeAsync(db, cancellationToken)).FirstOrDefault(c => c.Code == input.CategoryCode.Trim());
        var map = await ledger.MapAsync(db, cancellationToken);
        var account = MoneyAccounts.Resolve(map, input.ReceivedIn);
        problems.When(category is null, "categoryCode", $"Kategori pemasukan '{input.CategoryCode}' tidak dikenal.")
            .When(category?.Refusal is not null, "categoryCode", category?.Refusal ?? "")
            .When(account is null, "receivedIn", $"Rekening '{input.ReceivedIn}' tidak dikenal: pilih kas ('{MoneyAccounts.Cash}') atau kode akun bank.");
        if (await ClosedPeriods.RefusalAsync(db, input.Date, cancellationToken) is { } closed)
            problems.Add("date", closed);
        if (problems.Any)
            return Outcome.Refused<RecordedIncome>(problems);

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await Earlier(db, input.IdempotencyKey, cancellationToken) is { } earlier)
                return Repeat(earlier, input, category!);
            var number = await sequences.NextNumberAsync(db, ExpenseNumbers.IncomeKind, Income.NumberFormat, new DateOnly(input.Date.Year, input.Date.Month, 1), cancellationToken);
            var income = new Income(number, input.Date, category!.Id, input.Source!.Trim(), input.Description!.Trim(), input.Amount, account!.Value,
                input.IdempotencyKey, actor.UserId, clock.GetUtcNow())
            {
                Reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim(),
            };
            db.Income.Add(income);
            await db.SaveChangesAsync(cancellationToken);
            await journal.PostAsync(db, [IncomePosting.Entry(income, category, actor.UserId)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome.Done(new RecordedIncome(income.Id, income.Number, income.Amount, false));
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) == "ux_income_idempotency_key")
        {
            await using var again = await dbs.CreateAsync(cancellationToken);
            return Repeat((await Earlier(again, input.IdempotencyKey, cancellationToken))!, input, category!);
        }
    }

    private static Task<Income?> Earlier(IIspDb db, string key, CancellationToken cancellationToken) =>
        db.Income.AsNoTracking().SingleOrDefaultAsync(i => i.IdempotencyKey == key, cancellationToken);

    private static Outcome<RecordedIncome> Repeat(Income earlier, IncomeInput input, CategoryView category) =>
        earlier.Amount == input.Amount && earlier.CategoryId == category.Id && earlier.IncomeDate == input.Date
            ? Outcome.Done(new RecordedIncome(earlier.Id, earlier.Number, input.Amount, true))
            : Outcome.Refused<RecordedIncome>("idempotencyKey", $"Kunci idempotensi ini sudah dipakai untuk pemasukan {earlier.Number} yang berbeda.");
}
