using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Capital;

/// <param name="PaidInto"><see cref="MoneyAccounts.Cash"/> or a bank account's ledger code.</param>
/// <param name="Investor">The owner or investor who put the money in.</param>
public sealed record CapitalInput(DateOnly Date, decimal Amount, string PaidInto, string Investor, string Description, string IdempotencyKey);

public sealed record InjectedCapital(int Id, string Number, DateOnly Date, decimal Amount, bool AlreadyRecorded);

/// <summary>
/// Capital put in by an owner or investor, recorded by Finance and posted at once in the same
/// transaction: Dr Kas / Bank, Cr Modal disetor (role <see cref="AccountRoles.Capital"/>).
/// The idempotency key (unique) and the entry's source key (unique) make a retry or a racing
/// second request answer the first injection instead of posting twice.
/// </summary>
public sealed class InjectCapital(
    IIspDbFactory dbs, LedgerAccounts ledger, IJournalWriter journal, IDatabaseErrors errors, IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<InjectedCapital>> ExecuteAsync(CapitalInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<InjectedCapital>("", Actor.NotPermitted);
        var today = await ispClock.TodayAsync(cancellationToken);
        var problems = new FieldErrors()
            .When(input.Amount <= 0, "amount", "Jumlah harus lebih dari 0.")
            .When(input.Amount > RecordExpense.MaxAmount, "amount", $"Jumlah paling banyak {Rupiah.Format(RecordExpense.MaxAmount)}.")
            .When(decimal.Round(input.Amount, 2) != input.Amount, "amount", "Jumlah paling banyak dua angka di belakang koma.")
            .When(input.Date > today, "date", "Tanggal setoran tidak boleh di masa depan.")
            .When(input.Date.Year < 2000, "date", "Tanggal setoran tidak valid.")
            .When(string.IsNullOrWhiteSpace(input.Investor), "investor", "Nama penyetor (pemilik/investor) wajib diisi.")
            .When(input.Investor?.Length > CapitalInjection.InvestorMaxLength, "investor", $"Nama penyetor paling banyak {CapitalInjection.InvestorMaxLength} karakter.")
            .When(string.IsNullOrWhiteSpace(input.Description), "description", "Keterangan wajib diisi.")
            .When(input.Description?.Length > CapitalInjection.DescriptionMaxLength, "description", $"Keterangan paling banyak {CapitalInjection.DescriptionMaxLength} karakter.")
            .When(string.IsNullOrWhiteSpace(input.PaidInto) || input.PaidInto.Length > LedgerAccount.CodeMaxLength, "paidInto", "Rekening penerima wajib dipilih.")
            .When(string.IsNullOrWhiteSpace(input.IdempotencyKey) || input.IdempotencyKey.Length > CapitalInjection.IdempotencyKeyMaxLength,
                "idempotencyKey", $"Kunci idempotensi wajib diisi (maks. {CapitalInjection.IdempotencyKeyMaxLength} karakter).");
        if (problems.Any)
            return Outcome.Refused<InjectedCapital>(problems);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var map = await ledger.MapAsync(db, cancellationToken);
        var account = MoneyAccounts.Resolve(map, input.PaidInto);
        problems.When(account is null, "paidInto", $"Rekening '{input.PaidInto}' tidak dikenal: pilih kas ('{MoneyAccounts.Cash}') atau kode akun bank.");
        if (await ClosedPeriods.RefusalAsync(db, input.Date, cancellationToken) is { } closed)
            problems.Add("date", closed);
        if (problems.Any)
            return Outcome.Refused<InjectedCapital>(problems);

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await Earlier(db, input.IdempotencyKey, cancellationToken) is { } earlier)
                return Repeat(earlier, input);
            var injection = new CapitalInjection(input.Date, input.Amount, account!.Value, input.Investor!.Trim(), input.Description!.Trim(),
                input.IdempotencyKey, actor.UserId, clock.GetUtcNow());
            db.CapitalInjections.Add(injection);
            await db.SaveChangesAsync(cancellationToken);
            await journal.PostAsync(db, [CapitalPosting.Entry(injection, map, actor.UserId)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome.Done(new InjectedCapital(injection.Id, injection.Number, injection.InjectedOn, injection.Amount, false));
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) == CapitalInjections.IdempotencyIndex)
        {
            await using var again = await dbs.CreateAsync(cancellationToken);
            return Repeat((await Earlier(again, input.IdempotencyKey, cancellationToken))!, input);
        }
    }

    private static Task<CapitalInjection?> Earlier(IIspDb db, string key, CancellationToken cancellationToken) =>
        db.CapitalInjections.AsNoTracking().SingleOrDefaultAsync(c => c.IdempotencyKey == key, cancellationToken);

    private static Outcome<InjectedCapital> Repeat(CapitalInjection earlier, CapitalInput input) =>
        earlier.Amount == input.Amount && earlier.InjectedOn == input.Date
            ? Outcome.Done(new InjectedCapital(earlier.Id, earlier.Number, earlier.InjectedOn, input.Amount, true))
            : Outcome.Refused<InjectedCapital>("idempotencyKey", $"Kunci idempotensi ini sudah dipakai untuk setoran modal {earlier.Number} yang berbeda.");
}
