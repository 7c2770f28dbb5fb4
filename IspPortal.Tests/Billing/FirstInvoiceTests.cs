using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>The PSB's first invoice, made in the registration's transaction, and the monthly run after it (real PostgreSQL).</summary>
public sealed class FirstInvoiceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly March = new(2025, 3, 1);
    private static readonly DateOnly April = new(2025, 4, 1);

    [Fact]
    public async Task Mid_month_the_first_invoice_has_the_installation_fee_and_the_days_left_posted_to_the_ledger_and_announced()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));

        var result = await data.RegisterAsync(data.Input("3201014501900001"));

        await using var db = database.CreateDbContext();
        var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.CustomerId == result.CustomerId);
        Assert.Equal(("INV/2025/03/000001", March, new DateOnly(2025, 3, 15), new DateOnly(2025, 3, 24)), (invoice.Number, invoice.Period, invoice.IssueDate, invoice.DueDate));
        // 300.000 × 17 of 31 days = 164.516,13 → 164.516.
        Assert.Equal(
            [(InvoiceLineKind.Installation, 150_000m), (InvoiceLineKind.Proration, 164_516m)],
            invoice.Lines.OrderBy(l => l.Position).Select(l => (l.Kind, l.Amount)));
        Assert.Contains("15–31 Maret 2025 (17 dari 31 hari)", invoice.Lines.Single(l => l.Kind == InvoiceLineKind.Proration).Description, StringComparison.Ordinal);
        Assert.Equal(314_516m, invoice.Total);

        var entry = await db.JournalEntries.Include(e => e.Lines).ThenInclude(l => l.Account)
            .SingleAsync(e => e.SourceType == JournalSource.Invoice && e.SourceKey == invoice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((new DateOnly(2025, 3, 15), invoice.Number), (entry.EntryDate, entry.SourceNumber));
        Assert.Equal(entry.Lines.Sum(l => l.Debit), entry.Lines.Sum(l => l.Credit));
        Assert.Equal(314_516m, entry.Lines.Where(l => l.Account!.Role == AccountRoles.Receivable).Sum(l => l.Debit));
        Assert.Equal(150_000m, entry.Lines.Where(l => l.Account!.Role == AccountRoles.InstallationRevenue).Sum(l => l.Credit));
        Assert.Equal(164_516m, entry.Lines.Where(l => l.Account!.Role == AccountRoles.SubscriptionRevenue).Sum(l => l.Credit));
        Assert.All(entry.Lines, l => Assert.Equal(result.CustomerId, l.CustomerId));

        var notices = await db.OutboxMessages.Where(m => m.Template == NotificationEvents.InvoiceIssued.Key).ToListAsync();
        Assert.Equal(["+6281234567890", "siti@example.co.id"], notices.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(notices, m => Assert.StartsWith($"invoice-issued:{invoice.Number}:", m.IdempotencyKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registered_on_the_first_the_whole_month_is_billed_and_the_run_neither_bills_it_again_nor_skips_the_next()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 1, 10, 0, 0));

        var result = await data.RegisterAsync(data.Input("3201014501900001"));
        await data.ActivateAsync(result.CustomerId);
        var march = await RunAsync(data, March);
        var april = await RunAsync(data, April);

        Assert.Equal((0, 1), (march.Created, march.Skipped));
        Assert.Equal(1, april.Created);
        await using var db = database.CreateDbContext();
        var invoices = await db.Invoices.Include(i => i.Lines).Where(i => i.CustomerId == result.CustomerId).OrderBy(i => i.Period).ToListAsync();
        Assert.Equal([(March, 450_000m), (April, 300_000m)], invoices.Select(i => (i.Period, i.Total)));
        Assert.Equal([InvoiceLineKind.Installation, InvoiceLineKind.Subscription], invoices[0].Lines.OrderBy(l => l.Position).Select(l => l.Kind));
        Assert.Equal(new DateOnly(2025, 3, 10), invoices[0].DueDate);
        Assert.Equal(2, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Invoice));
    }

    [Fact]
    public async Task A_scheduled_installation_day_starts_the_prorated_days_and_the_next_run_bills_a_whole_month()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));

        var result = await data.RegisterAsync(data.Input("3201014501900001", installationDate: new DateOnly(2025, 3, 20)));
        await data.ActivateAsync(result.CustomerId);
        var march = await RunAsync(data, March);
        var april = await RunAsync(data, April);

        Assert.Equal((0, 1), (march.Created, april.Created));
        await using var db = database.CreateDbContext();
        // 300.000 × 12 of 31 days = 116.129,03 → 116.129.
        Assert.Equal([(March, 266_129m), (April, 300_000m)],
            (await db.Invoices.Where(i => i.CustomerId == result.CustomerId).OrderBy(i => i.Period).ToListAsync()).Select(i => (i.Period, i.Total)));
    }

    [Fact]
    public async Task From_the_next_period_the_first_invoice_is_the_installation_alone_and_the_rest_of_the_month_is_never_billed()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));
        await data.SettingsAsync(s => s with { FirstInvoice = FirstInvoiceMode.NextPeriod });

        var result = await data.RegisterAsync(data.Input("3201014501900001"));
        await data.ActivateAsync(result.CustomerId);
        var march = await RunAsync(data, March);
        var april = await RunAsync(data, April);

        Assert.Equal((0, 1), (march.Created, april.Created));
        await using var db = database.CreateDbContext();
        var invoices = await db.Invoices.Include(i => i.Lines).Where(i => i.CustomerId == result.CustomerId).OrderBy(i => i.Period).ToListAsync();
        Assert.Equal([(March, 150_000m), (April, 300_000m)], invoices.Select(i => (i.Period, i.Total)));
        Assert.Equal(InvoiceLineKind.Installation, Assert.Single(invoices[0].Lines).Kind);
        Assert.Equal(InvoiceLineKind.Subscription, Assert.Single(invoices[1].Lines).Kind);
        Assert.Equal(April, (await db.Customers.SingleAsync(c => c.Id == result.CustomerId)).BillingStartsOn);
    }

    [Fact]
    public async Task From_the_next_period_without_an_installation_fee_nothing_is_invoiced_until_the_first_whole_month()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));
        await data.SettingsAsync(s => s with { FirstInvoice = FirstInvoiceMode.NextPeriod });
        await data.PackageFeeAsync(0m);

        var result = await data.RegisterAsync(data.Input("3201014501900001"));
        await data.ActivateAsync(result.CustomerId);
        var march = await RunAsync(data, March);
        var april = await RunAsync(data, April);

        Assert.Equal((0, 1), (march.Created, april.Created));
        await using var db = database.CreateDbContext();
        Assert.Equal([(April, 300_000m)],
            (await db.Invoices.Where(i => i.CustomerId == result.CustomerId).ToListAsync()).Select(i => (i.Period, i.Total)));
        Assert.Empty(await db.OutboxMessages.Where(m => m.Template == NotificationEvents.InvoiceIssued.Key && m.CustomerId == result.CustomerId && m.IdempotencyKey.Contains("/03/")).ToListAsync());
    }

    [Theory]
    [InlineData(null, 50_000, 50_000)]
    [InlineData(0, 50_000, 0)]
    [InlineData(null, 0, 0)]
    public async Task The_package_fee_wins_over_the_settings_default_and_a_zero_fee_puts_no_line(int? packageFee, int defaultFee, int charged)
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));
        await data.PackageFeeAsync(packageFee);
        await data.SettingsAsync(s => s with { DefaultInstallationFee = defaultFee });

        var result = await data.RegisterAsync(data.Input("3201014501900001"));

        await using var db = database.CreateDbContext();
        var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.CustomerId == result.CustomerId);
        Assert.Equal(charged, invoice.Lines.Where(l => l.Kind == InvoiceLineKind.Installation).Sum(l => l.Amount));
        Assert.Equal(charged == 0 ? 1 : 2, invoice.Lines.Count);
        Assert.Equal(charged + 164_516m, invoice.Total);
    }

    [Fact]
    public async Task A_registration_that_fails_after_the_invoice_leaves_no_invoice_no_entry_no_message_and_no_used_number()
    {
        var failing = true;
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0),
            services => services.AddScoped<ICustomerRegistrationHandler>(_ => new FailingHandler(() => failing)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => data.InScopeAsync(sp =>
            sp.GetRequiredService<RegisterCustomer>().ExecuteAsync(data.Input("3201014501900001"))));

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal((0, 0, 0, 0, 0), (await db.Customers.CountAsync(), await db.Invoices.CountAsync(), await db.InvoiceLines.CountAsync(),
                await db.JournalEntries.CountAsync(), await db.OutboxMessages.CountAsync()));
        }
        failing = false;
        var result = await data.RegisterAsync(data.Input("3201014501900001"));
        await using var after = database.CreateDbContext();
        Assert.Equal("INV/2025/03/000001", (await after.Invoices.SingleAsync(i => i.CustomerId == result.CustomerId)).Number);
    }

    [Fact]
    public async Task A_registration_whose_first_invoice_comes_to_nothing_uses_no_invoice_number()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));
        await data.PackageFeeAsync(0);
        await using (var db = database.CreateDbContext())
            await db.ServicePackages.Where(p => p.Id == data.PackageId).ExecuteUpdateAsync(u => u.SetProperty(p => p.MonthlyPrice, 0m));

        var free = await data.RegisterAsync(data.Input("3201014501900001"));
        await data.PackageFeeAsync(50_000);
        var paying = await data.RegisterAsync(data.Input("3201014501900002"));

        await using var after = database.CreateDbContext();
        Assert.False(await after.Invoices.AnyAsync(i => i.CustomerId == free.CustomerId));
        Assert.Equal("INV/2025/03/000001", (await after.Invoices.SingleAsync(i => i.CustomerId == paying.CustomerId)).Number);
    }

    [Fact]
    public void The_first_bill_is_a_pure_function_of_package_start_day_and_settings()
    {
        var package = new ServicePackage { Id = 1, Name = "Rumahan 30 Mbps", MonthlyPrice = 300_000m, InstallationFee = 100_000m, IsTaxable = true };
        var settings = new BillingSettings { PpnEnabled = true, PpnRatePercent = 11m, FirstInvoice = FirstInvoiceMode.NextPeriod };

        var midMonth = FirstInvoice.For(package, new DateOnly(2025, 3, 15), new DateOnly(2025, 3, 15), settings);
        var onTheFirst = FirstInvoice.For(package, new DateOnly(2025, 4, 1), new DateOnly(2025, 3, 28), settings);
        var nothing = FirstInvoice.For(new ServicePackage { Id = 2, Name = "Gratis pasang", MonthlyPrice = 300_000m, InstallationFee = 0 },
            new DateOnly(2025, 3, 15), new DateOnly(2025, 3, 15), settings);

        Assert.Equal((new DateOnly(2025, 4, 1), 11m), (midMonth.BillingStartsOn, midMonth.Bill!.TaxRatePercent));
        Assert.Equal([InvoiceLineKind.Installation], midMonth.Bill.Lines.Select(l => l.Kind));
        Assert.Null(onTheFirst.BillingStartsOn);
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2025, 3, 28), new DateOnly(2025, 4, 10)), (onTheFirst.Bill!.Period, onTheFirst.Bill.IssueDate, onTheFirst.Bill.DueDate));
        Assert.Equal([InvoiceLineKind.Installation, InvoiceLineKind.Subscription], onTheFirst.Bill.Lines.Select(l => l.Kind));
        Assert.Null(nothing.Bill);
        Assert.Equal(new DateOnly(2025, 4, 1), nothing.BillingStartsOn);
    }

    private static async Task<InvoiceRunResult> RunAsync(PsbTestData data, DateOnly period)
    {
        var outcome = await data.InScopeAsync(sp => sp.GetRequiredService<GenerateInvoices>().ExecuteAsync(period, BillingRunTrigger.Manual));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    /// <summary>A feature after billing whose part of the registration fails: everything rolls back.</summary>
    private sealed class FailingHandler(Func<bool> failing) : ICustomerRegistrationHandler
    {
        public Task OnRegisteredAsync(IIspDb db, Customer customer, CustomerRegistration registration, CancellationToken cancellationToken) =>
            failing() ? throw new InvalidOperationException("Fitur lain gagal.") : Task.CompletedTask;
    }
}
