using IspPortal.Core.Common;
using IspPortal.Core.Finance.Journals;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Finance;

/// <summary>Manual journal entries on real PostgreSQL: at once up to the threshold (Rp 10.000.000 by default), above it a second user's approval, exactly once.</summary>
public sealed class ManualJournalTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // 15 November 2026, 15:00 in Jakarta.
    private static readonly DateTimeOffset Now = new(2026, 11, 15, 8, 0, 0, TimeSpan.Zero);
    private FinanceTestData _data = default!;
    private Actor _finance = default!;
    private Actor _second = default!;

    public async Task InitializeAsync()
    {
        _data = await FinanceTestData.StartAsync(database, Now);
        _finance = await _data.UserAsync("keuangan", Roles.Finance);
        _second = await _data.UserAsync("keuangan2", Roles.Finance);
        _data.ActAs(_finance);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task An_entry_up_to_the_threshold_posts_at_once_in_the_requesters_name()
    {
        var created = await CreateAsync(Input(10_000_000m));

        Assert.True(created.Succeeded, created.FirstError);
        var journal = created.Value!;
        Assert.Equal(("JM/2026/11/0001", ManualJournalStatus.Posted), (journal.Number, journal.Status));
        await using var db = database.CreateDbContext();
        var entry = await db.JournalEntries.Include(e => e.Lines).SingleAsync();
        Assert.Equal((JournalSource.Manual, journal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), journal.EntryId, _finance.UserId),
            (entry.SourceType, entry.SourceKey, (long?)entry.Id, entry.CreatedById));
        Assert.Equal(10_000_000m, entry.Lines.Sum(l => l.Debit));
        Assert.Contains("Sewa gudang dibayar dari kas kecil", entry.Memo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_above_the_threshold_waits_the_requester_cannot_approve_it_and_two_approvals_at_once_post_it_once()
    {
        var created = await CreateAsync(Input(10_000_000.01m));
        Assert.Equal(ManualJournalStatus.Pending, created.Value!.Status);
        await using (var db = database.CreateDbContext())
            Assert.False(await db.JournalEntries.AnyAsync());

        var own = await _data.UseAsync(sp => FinanceTestData.Get<DecideManualJournal>(sp).ApproveAsync(created.Value.Id));
        Assert.Contains("pembuatnya sendiri", own.FirstError, StringComparison.Ordinal);

        _data.ActAs(_second);
        var both = await Task.WhenAll(
            Task.Run(() => _data.UseAsync(sp => FinanceTestData.Get<DecideManualJournal>(sp).ApproveAsync(created.Value.Id))),
            Task.Run(() => _data.UseAsync(sp => FinanceTestData.Get<DecideManualJournal>(sp).ApproveAsync(created.Value.Id))));

        Assert.Single(both, o => o.Succeeded);
        Assert.Contains("sudah diposting", both.Single(o => !o.Succeeded).FirstError, StringComparison.Ordinal);
        await using var after = database.CreateDbContext();
        var entry = await after.JournalEntries.SingleAsync();
        var journal = await after.ManualJournals.SingleAsync();
        Assert.Equal((ManualJournalStatus.Posted, (long?)entry.Id, _second.UserId), (journal.Status, journal.EntryId, journal.DecidedById));
        Assert.Equal(_finance.UserId, entry.CreatedById);
    }

    [Fact]
    public async Task A_rejected_entry_posts_nothing_and_cannot_be_approved_afterwards()
    {
        var created = await CreateAsync(Input(25_000_000m));
        _data.ActAs(_second);

        var noReason = await _data.UseAsync(sp => FinanceTestData.Get<DecideManualJournal>(sp).RejectAsync(created.Value!.Id, ""));
        var rejected = await _data.UseAsync(sp => FinanceTestData.Get<DecideManualJournal>(sp).RejectAsync(created.Value!.Id, "Bukti sewa belum ada"));
        var approved = await _data.UseAsync(sp => FinanceTestData.Get<DecideManualJournal>(sp).ApproveAsync(created.Value!.Id));

        Assert.False(noReason.Succeeded);
        Assert.Equal((ManualJournalStatus.Rejected, "Bukti sewa belum ada"), (rejected.Value!.Status, rejected.Value.RejectionReason));
        Assert.Contains("sudah ditolak", approved.FirstError, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.False(await db.JournalEntries.AnyAsync());
    }

    [Fact]
    public async Task Approval_checks_the_month_is_still_open()
    {
        var created = await CreateAsync(Input(20_000_000m) with { Date = new DateOnly(2026, 10, 28) });
        Assert.True((await _data.UseAsync(sp => FinanceTestData.Get<ClosePeriod>(sp).ExecuteAsync(new DateOnly(2026, 10, 1)))).Succeeded);
        _data.ActAs(_second);

        var approved = await _data.UseAsync(sp => FinanceTestData.Get<DecideManualJournal>(sp).ApproveAsync(created.Value!.Id));

        Assert.Equal(ClosedPeriods.Message(new DateOnly(2026, 10, 1)), approved.FirstError);
        await using var db = database.CreateDbContext();
        Assert.Equal(ManualJournalStatus.Pending, (await db.ManualJournals.SingleAsync()).Status);
    }

    [Fact]
    public async Task An_unbalanced_or_one_sided_entry_is_refused_with_a_clear_message()
    {
        var unbalanced = await CreateAsync(new ManualJournalInput(new DateOnly(2026, 11, 10), "Koreksi",
            [new("5-1900", 150_000m, 0m), new("1-1100", 0m, 100_000m)]));
        var bothSides = await CreateAsync(new ManualJournalInput(new DateOnly(2026, 11, 10), "Koreksi",
            [new("5-1900", 100_000m, 100_000m), new("1-1100", 0m, 100_000m)]));
        var noMemo = await CreateAsync(Input(100_000m) with { Memo = " " });
        var oneLine = await CreateAsync(new ManualJournalInput(new DateOnly(2026, 11, 10), "Koreksi", [new("5-1900", 100_000m, 0m)]));

        Assert.Equal("Jurnal tidak seimbang: debit Rp 150.000, kredit Rp 100.000 (selisih Rp 50.000).", unbalanced.Errors[nameof(ManualJournalInput.Lines)].Single());
        Assert.Contains("Baris 1: isi debit atau kredit", bothSides.FirstError, StringComparison.Ordinal);
        Assert.Contains("Keterangan", noMemo.FirstError, StringComparison.Ordinal);
        Assert.Contains("dua baris", oneLine.FirstError, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.False(await db.ManualJournals.AnyAsync());
    }

    private static ManualJournalInput Input(decimal amount) => new(new DateOnly(2026, 11, 10), "Sewa gudang dibayar dari kas kecil",
        [new("5-1300", amount, 0m), new("1-1100", 0m, amount)]);

    private Task<Outcome<ManualJournal>> CreateAsync(ManualJournalInput input) =>
        _data.UseAsync(sp => FinanceTestData.Get<CreateManualJournal>(sp).ExecuteAsync(input));
}
