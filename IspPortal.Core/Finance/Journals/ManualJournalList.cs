using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Journals;

public sealed record ManualJournalLineRow(string AccountCode, string AccountName, decimal Debit, decimal Credit);

public sealed record ManualJournalRow(
    long Id, string Number, DateOnly Date, string Memo, decimal Total, ManualJournalStatus Status,
    Guid? RequestedById, string? RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? RejectionReason, long? EntryId, IReadOnlyList<ManualJournalLineRow> Lines);

/// <summary>Manual journals, pending first then newest, with their lines.</summary>
public sealed class ManualJournalList(IIspDbFactory dbs, LedgerAccounts chart)
{
    /// <summary>The accounts a manual line may use (active ones), by code; <paramref name="kind"/> narrows them (e.g. banks).</summary>
    public async Task<IReadOnlyList<LedgerAccount>> ActiveAccountsAsync(AccountKind? kind = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await chart.MapAsync(db, cancellationToken);
        var accounts = db.LedgerAccounts.AsNoTracking().Where(a => a.IsActive);
        if (kind is { } only)
            accounts = accounts.Where(a => a.Kind == only);
        return await accounts.OrderBy(a => a.Code).ToListAsync(cancellationToken);
    }

    public const int MaxRows = 200;

    public async Task<IReadOnlyList<ManualJournalRow>> ListAsync(ManualJournalStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var journals = db.ManualJournals.AsNoTracking();
        if (status is { } only)
            journals = journals.Where(j => j.Status == only);
        var rows = await journals
            .OrderBy(j => j.Status == ManualJournalStatus.Pending ? 0 : 1).ThenByDescending(j => j.Id)
            .Take(MaxRows)
            .Select(j => new
            {
                Journal = j,
                RequestedBy = db.Users.Where(u => u.Id == j.RequestedById).Select(u => u.FullName).FirstOrDefault(),
                DecidedBy = db.Users.Where(u => u.Id == j.DecidedById).Select(u => u.FullName).FirstOrDefault(),
                Lines = j.Lines.OrderBy(l => l.Position)
                    .Select(l => new ManualJournalLineRow(l.Account!.Code, l.Account.Name, l.Debit, l.Credit))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ManualJournalRow(r.Journal.Id, r.Journal.Number, r.Journal.EntryDate, r.Journal.Memo, r.Journal.Total, r.Journal.Status,
            r.Journal.RequestedById, r.RequestedBy, r.Journal.RequestedAt, r.DecidedBy, r.Journal.DecidedAt, r.Journal.RejectionReason, r.Journal.EntryId, r.Lines))];
    }
}
