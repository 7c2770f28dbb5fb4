using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Journals;

/// <param name="AccountCode">A ledger account's code, e.g. <c>5-1900</c>.</param>
public sealed record ManualJournalLineInput(string AccountCode, decimal Debit, decimal Credit, int? CustomerId = null, int? LocationCodeId = null, int? RouterId = null);

/// <param name="Memo">Why the entry is made (mandatory).</param>
public sealed record ManualJournalInput(DateOnly Date, string Memo, IReadOnlyList<ManualJournalLineInput> Lines);

/// <summary>
/// Finance writes a journal entry by hand, with its reason: at most
/// <see cref="FinanceSettings.ManualEntryApprovalThreshold"/> it posts at once, above it waits for a
/// second Finance or Admin user (<see cref="DecideManualJournal"/>).
/// </summary>
public sealed class CreateManualJournal(
    IIspDbFactory dbs, IDocumentSequences sequences, LedgerAccounts chart, ManualJournalPosting posting, PortalSettings settings,
    IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public const int MaxLines = 50;
    public const decimal MaxAmount = 100_000_000_000m;

    public async Task<Outcome<ManualJournal>> ExecuteAsync(ManualJournalInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<ManualJournal>("", Actor.NotPermitted);
        var today = await ispClock.TodayAsync(cancellationToken);
        var problems = Check(input, today);
        if (problems.Any)
            return Outcome.Refused<ManualJournal>(problems);

        await using var db = await dbs.CreateAsync(cancellationToken);
        await chart.MapAsync(db, cancellationToken);
        var codes = input.Lines.Select(l => l.AccountCode.Trim()).Distinct().ToList();
        var accounts = await db.LedgerAccounts.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, cancellationToken);
        foreach (var code in codes)
        {
            if (!accounts.TryGetValue(code, out var account))
                problems.Add(nameof(ManualJournalInput.Lines), $"Akun {code} tidak ditemukan.");
            else if (!account.IsActive)
                problems.Add(nameof(ManualJournalInput.Lines), $"Akun {account.Code} {account.Name} sudah tidak aktif.");
        }
        await CheckDimensionsAsync(db, input.Lines, problems, cancellationToken);
        if (await ClosedPeriods.RefusalAsync(db, input.Date, cancellationToken) is { } closed)
            problems.Add(nameof(ManualJournalInput.Date), closed);
        if (problems.Any)
            return Outcome.Refused<ManualJournal>(problems);

        var finance = await settings.GetAsync<FinanceSettings>(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await sequences.NextNumberAsync(db, ManualJournal.NumberKind, ManualJournal.NumberFormat, PeriodText.FirstDayOf(input.Date), cancellationToken);
        var journal = new ManualJournal(number, input.Date, input.Memo.Trim(),
            input.Lines.Select((l, i) => new ManualJournalLine(i + 1, accounts[l.AccountCode.Trim()].Id, l.Debit, l.Credit, l.CustomerId, l.LocationCodeId, l.RouterId)),
            actor.UserId, clock.GetUtcNow());
        db.ManualJournals.Add(journal);
        await db.SaveChangesAsync(cancellationToken);
        if (journal.Total <= finance.ManualEntryApprovalThreshold)
        {
            journal.Posted(await posting.PostAsync(db, journal, cancellationToken), null, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(journal);
    }

    private static FieldErrors Check(ManualJournalInput input, DateOnly today)
    {
        var errors = new FieldErrors()
            .When(string.IsNullOrWhiteSpace(input.Memo), nameof(ManualJournalInput.Memo), "Keterangan (alasan jurnal) wajib diisi.")
            .When(input.Memo?.Trim().Length > ManualJournal.MemoMaxLength, nameof(ManualJournalInput.Memo), $"Keterangan paling banyak {ManualJournal.MemoMaxLength} karakter.")
            .When(input.Date > today, nameof(ManualJournalInput.Date), "Tanggal jurnal tidak boleh di masa depan.");
        var lines = input.Lines ?? [];
        if (lines.Count < 2)
            return errors.Add(nameof(ManualJournalInput.Lines), "Jurnal perlu paling sedikit dua baris.");
        if (lines.Count > MaxLines)
            return errors.Add(nameof(ManualJournalInput.Lines), $"Jurnal paling banyak {MaxLines} baris.");
        foreach (var (line, index) in lines.Select((l, i) => (l, i + 1)))
        {
            errors.When(string.IsNullOrWhiteSpace(line.AccountCode), nameof(ManualJournalInput.Lines), $"Baris {index}: pilih akun.")
                .When(line.Debit < 0 || line.Credit < 0 || (line.Debit > 0) == (line.Credit > 0), nameof(ManualJournalInput.Lines),
                    $"Baris {index}: isi debit atau kredit (salah satu, lebih dari 0).")
                .When(decimal.Round(line.Debit, 2) != line.Debit || decimal.Round(line.Credit, 2) != line.Credit, nameof(ManualJournalInput.Lines),
                    $"Baris {index}: jumlah paling kecil satu sen (dua angka di belakang koma).")
                .When(line.Debit > MaxAmount || line.Credit > MaxAmount, nameof(ManualJournalInput.Lines), $"Baris {index}: jumlah paling banyak {Rupiah.Format(MaxAmount)}.");
        }
        if (!errors.Any)
        {
            var debit = lines.Sum(l => l.Debit);
            var credit = lines.Sum(l => l.Credit);
            errors.When(debit != credit, nameof(ManualJournalInput.Lines),
                $"Jurnal tidak seimbang: debit {Rupiah.Format(debit)}, kredit {Rupiah.Format(credit)} (selisih {Rupiah.Format(Math.Abs(debit - credit))}).");
        }
        return errors;
    }

    private static async Task CheckDimensionsAsync(IIspDb db, IReadOnlyList<ManualJournalLineInput> lines, FieldErrors errors, CancellationToken cancellationToken)
    {
        var customers = lines.Where(l => l.CustomerId is not null).Select(l => l.CustomerId!.Value).Distinct().ToList();
        var locations = lines.Where(l => l.LocationCodeId is not null).Select(l => l.LocationCodeId!.Value).Distinct().ToList();
        var routers = lines.Where(l => l.RouterId is not null).Select(l => l.RouterId!.Value).Distinct().ToList();
        if (customers.Count > 0 && await db.Customers.CountAsync(c => customers.Contains(c.Id), cancellationToken) != customers.Count)
            errors.Add(nameof(ManualJournalInput.Lines), "Pelanggan pada salah satu baris tidak ditemukan.");
        if (locations.Count > 0 && await db.LocationCodes.CountAsync(l => locations.Contains(l.Id), cancellationToken) != locations.Count)
            errors.Add(nameof(ManualJournalInput.Lines), "Lokasi pada salah satu baris tidak ditemukan.");
        if (routers.Count > 0 && await db.Routers.CountAsync(r => routers.Contains(r.Id), cancellationToken) != routers.Count)
            errors.Add(nameof(ManualJournalInput.Lines), "Router pada salah satu baris tidak ditemukan.");
    }
}
