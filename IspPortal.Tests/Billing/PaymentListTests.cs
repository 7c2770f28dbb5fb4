using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>The payments list on real PostgreSQL: Finance's inbox first, filters by status, method and day in WIB, search, and totals over every page.</summary>
public sealed class PaymentListTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // 14 March 17:30 UTC is already 15 March 00:30 in Jakarta; the rest is recorded at 10:00.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 17, 30, 0, TimeSpan.Zero));
    private BillingTestData _data = default!;
    private RecordedPayment _cashToday = default!, _cashEarly = default!, _pending = default!, _rejected = default!, _justAfterMidnight = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        var budi = await _data.CustomerAsync("Budi Santoso");
        var siti = await _data.CustomerAsync("Siti Aminah");
        await _data.InvoiceAsync(budi, new DateOnly(2025, 3, 1));
        await _data.InvoiceAsync(siti, new DateOnly(2025, 3, 1));
        var proof = await _data.ProofAsync();

        _justAfterMidnight = await _data.PayAsync(new PaymentInput(budi.Code, PaymentMethod.Cash, 25_000m, "midnight"));
        _clock.Advance(TimeSpan.FromHours(9.5));
        _cashToday = await _data.PayAsync(new PaymentInput(budi.Code, PaymentMethod.Cash, 200_000m, "cash-today"));
        _cashEarly = await _data.PayAsync(new PaymentInput(siti.Code, PaymentMethod.Cash, 100_000m, "cash-early", new DateOnly(2025, 3, 1)));
        _pending = await _data.PayAsync(new PaymentInput(siti.Code, PaymentMethod.BankTransfer, 100_000m, "transfer", new DateOnly(2025, 3, 14), "BCA 777 a.n. Siti", proof));
        _rejected = await _data.PayAsync(new PaymentInput(budi.Code, PaymentMethod.BankTransfer, 50_000m, "wrong", ProofName: proof));
        await _data.InScopeAsync(sp => sp.GetRequiredService<ReviewTransfer>().RejectAsync(_rejected.Id, "Tidak ada di mutasi"));
        // A QRIS code Siti opened at 09:00 and has not paid yet: pending, but the gateway's business, not Finance's.
        await using var db = database.CreateDbContext();
        db.Payments.Add(new Payment("PAY/2025/03/000099", siti.Id, PaymentMethod.Qris, 75_000m, new DateTimeOffset(2025, 3, 15, 2, 0, 0, TimeSpan.Zero), null));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Without_a_sort_pending_transfers_come_first_then_the_newest_and_totals_count_only_confirmed_money()
    {
        var page = await PageAsync(new PaymentFilter());

        Assert.Equal([_pending.Number, _rejected.Number, _cashToday.Number, "PAY/2025/03/000099", _justAfterMidnight.Number, _cashEarly.Number], page.Items.Select(p => p.Number));
        Assert.Equal((6, 325_000m, 3, 1), (page.Total, page.ConfirmedTotal, page.ConfirmedCount, page.PendingTransfers));
        var pending = page.Items[0];
        Assert.Equal(("Siti Aminah", "BCA 777 a.n. Siti", 0m), (pending.CustomerName, pending.Reference, pending.Allocated));
        Assert.NotNull(pending.ProofName);
        // Budi's 25.000 at midnight paid first; 175.000 of this cash was left for the invoice, 25.000 is credit.
        Assert.Equal(175_000m, page.Items[2].Allocated);
    }

    [Fact]
    public async Task Status_and_method_filters_narrow_the_rows_and_the_totals()
    {
        var confirmed = await PageAsync(new PaymentFilter(Status: PaymentStatus.Confirmed));
        var transfers = await PageAsync(new PaymentFilter(Method: PaymentMethod.BankTransfer));

        Assert.Equal(3, confirmed.Total);
        Assert.All(confirmed.Items, p => Assert.Equal(PaymentStatus.Confirmed, p.Status));
        Assert.Equal((2, 0m, 1), (transfers.Total, transfers.ConfirmedTotal, transfers.PendingTransfers));
        Assert.Equal("Tidak ada di mutasi", transfers.Items.Single(p => p.Status == PaymentStatus.Rejected).RejectionReason);
    }

    [Fact]
    public async Task Days_are_the_isp_zones_days_not_utc()
    {
        var fourteenth = await PageAsync(new PaymentFilter(From: new DateOnly(2025, 3, 14), To: new DateOnly(2025, 3, 14)));
        var fifteenth = await PageAsync(new PaymentFilter(From: new DateOnly(2025, 3, 15), To: new DateOnly(2025, 3, 15)));
        var march = await PageAsync(new PaymentFilter(From: new DateOnly(2025, 3, 1)));

        Assert.Equal([_pending.Number], fourteenth.Items.Select(p => p.Number));
        Assert.Equal(4, fifteenth.Total);
        Assert.Contains(_justAfterMidnight.Number, fifteenth.Items.Select(p => p.Number));
        Assert.Equal((6, 325_000m), (march.Total, march.ConfirmedTotal));
    }

    [Theory]
    [InlineData("bca 777", 1)]
    [InlineData("siti", 3)]
    [InlineData("KCB-CKP011224-000", 3)]
    [InlineData("PAY/2025/03/000001", 1)]
    [InlineData("50%", 0)]
    public async Task Search_finds_payment_number_customer_code_or_name_and_bank_reference(string term, int expected)
    {
        var page = await PageAsync(new PaymentFilter(), new PageRequest(Search: term));

        Assert.Equal(expected, page.Total);
    }

    [Fact]
    public async Task Pages_and_a_chosen_sort_come_from_the_database()
    {
        var first = await PageAsync(new PaymentFilter(), new PageRequest(0, 2, SortBy: nameof(PaymentRow.Amount), Descending: true));
        var second = await PageAsync(new PaymentFilter(), new PageRequest(1, 2, SortBy: nameof(PaymentRow.Amount), Descending: true));

        Assert.Equal([200_000m, 100_000m], first.Items.Select(p => p.Amount));
        Assert.Equal([100_000m, 75_000m], second.Items.Select(p => p.Amount));
        Assert.Equal(6, second.Total);
    }

    private Task<PaymentPage> PageAsync(PaymentFilter filter, PageRequest? request = null) =>
        _data.InScopeAsync(sp => sp.GetRequiredService<PaymentList>().PageAsync(request ?? new PageRequest(), filter));
}
