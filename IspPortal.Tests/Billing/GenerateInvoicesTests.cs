using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>The monthly invoice run on real PostgreSQL: exactly once per customer and month, whatever runs twice or at once.</summary>
public sealed class GenerateInvoicesTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateOnly February = new(2025, 2, 1);
    // 1 February 2025, 00:05 in Jakarta.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 1, 31, 17, 5, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private int _location, _package, _taxedPackage;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        await using var db = database.CreateDbContext();
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = _clock.GetUtcNow() };
        var home = new ServicePackage { Code = "HOME-20", Name = "Rumahan 20 Mbps", MikrotikProfile = "p20", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = 200_000m, CreatedAt = _clock.GetUtcNow() };
        var business = new ServicePackage { Code = "BIZ-50", Name = "Bisnis 50 Mbps", MikrotikProfile = "p50", DownloadMbps = 50, UploadMbps = 50, MonthlyPrice = 500_000m, IsTaxable = true, CreatedAt = _clock.GetUtcNow() };
        db.AddRange(location, home, business);
        await db.SaveChangesAsync();
        (_location, _package, _taxedPackage) = (location.Id, home.Id, business.Id);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Billable_customers_get_one_invoice_each_numbered_without_gaps_and_a_second_run_creates_nothing()
    {
        await CustomersAsync(5, CustomerStatus.Active);
        await CustomersAsync(2, CustomerStatus.Isolated);
        await CustomersAsync(1, CustomerStatus.Suspended);
        await CustomersAsync(1, CustomerStatus.Terminated);
        await CustomersAsync(1, CustomerStatus.PendingProvisioning);

        var first = await GenerateAsync(February);
        var second = await GenerateAsync(February);

        Assert.Equal((7, 0), (first.Created, first.Skipped));
        Assert.Equal((0, 7), (second.Created, second.Skipped));
        await using var db = database.CreateDbContext();
        var numbers = await db.Invoices.Select(i => i.Number).OrderBy(n => n).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 7).Select(n => $"INV/2025/02/{n:000000}"), numbers);
        var runs = await db.BillingRuns.OrderBy(r => r.Id).ToListAsync();
        Assert.All(runs, r => Assert.Equal((BillingRunStatus.Completed, BillingRunKind.Invoices, February), (r.Status, r.Kind, r.Period)));
        Assert.Equal([(7, 0), (0, 7)], runs.Select(r => (r.Created, r.Skipped)));
    }

    [Fact]
    public async Task Runs_at_the_same_time_create_every_invoice_once_across_several_batches()
    {
        await CustomersAsync(GenerateInvoices.BatchSize + 500, CustomerStatus.Active);

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => GenerateAsync(February))));

        Assert.Equal(GenerateInvoices.BatchSize + 500, runs.Sum(r => r.Created));
        await using var db = database.CreateDbContext();
        Assert.Equal(GenerateInvoices.BatchSize + 500, await db.Invoices.CountAsync());
        var numbers = (await db.Invoices.Select(i => i.Number).ToListAsync()).Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(1, GenerateInvoices.BatchSize + 500), numbers);
    }

    [Fact]
    public async Task A_run_that_dies_half_way_keeps_what_it_committed_and_the_next_run_completes_the_rest()
    {
        await CustomersAsync(GenerateInvoices.BatchSize + 10, CustomerStatus.Active);
        await using (var db = database.CreateDbContext())
        {
            // A trigger only the last customer's invoice trips: the second batch fails, as if the process died there.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION test_crash() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.customer_id = (SELECT max(id) FROM customers) THEN RAISE EXCEPTION 'simulated crash'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER test_crash BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION test_crash();
                """);
        }

        var crash = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => GenerateAsync(February));
        Assert.Equal("simulated crash", crash.MessageText);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(GenerateInvoices.BatchSize, await db.Invoices.CountAsync());
            var failed = await db.BillingRuns.SingleAsync();
            Assert.Equal((BillingRunStatus.Failed, GenerateInvoices.BatchSize), (failed.Status, failed.Created));
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER test_crash ON invoices; DROP FUNCTION test_crash();");
        }

        var rerun = await GenerateAsync(February);

        Assert.Equal((10, GenerateInvoices.BatchSize), (rerun.Created, rerun.Skipped));
        await using var after = database.CreateDbContext();
        var numbers = (await after.Invoices.Select(i => i.Number).ToListAsync()).Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order();
        // The failed batch's numbers went back with its transaction: no gap.
        Assert.Equal(Enumerable.Range(1, GenerateInvoices.BatchSize + 10), numbers);
    }

    [Fact]
    public async Task A_customer_installed_mid_month_pays_by_days_and_one_installed_later_is_not_billed_yet()
    {
        var mid = await CustomerAsync(CustomerStatus.Active, installed: new DateOnly(2025, 2, 15));
        var later = await CustomerAsync(CustomerStatus.Active, installed: new DateOnly(2025, 3, 3));

        var run = await GenerateAsync(February);

        Assert.Equal(1, run.Created);
        await using var db = database.CreateDbContext();
        var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync();
        Assert.Equal(mid, invoice.CustomerId);
        Assert.Equal((InvoiceLineKind.Proration, 100_000m), (invoice.Lines.Single().Kind, invoice.Total));
        Assert.False(await db.Invoices.AnyAsync(i => i.CustomerId == later));
    }

    [Fact]
    public async Task Ppn_from_the_settings_applies_to_taxable_packages_and_the_due_date_is_the_due_day()
    {
        await using (var scope = _services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(new BillingSettings { PpnEnabled = true, PpnRatePercent = 11m, DueDay = 15 }, Actor.System)).Succeeded);
        var taxed = await CustomerAsync(CustomerStatus.Active, package: _taxedPackage);
        var plain = await CustomerAsync(CustomerStatus.Active);

        await GenerateAsync(February);

        await using var db = database.CreateDbContext();
        var invoices = await db.Invoices.ToDictionaryAsync(i => i.CustomerId);
        Assert.Equal((11m, 55_000m, 555_000m), (invoices[taxed].TaxRate, invoices[taxed].TaxAmount, invoices[taxed].Total));
        Assert.Equal((0m, 200_000m), (invoices[plain].TaxRate, invoices[plain].Total));
        Assert.All(invoices.Values, i => Assert.Equal((February, new DateOnly(2025, 2, 15)), (i.IssueDate, i.DueDate)));
    }

    [Fact]
    public async Task A_month_too_far_ahead_is_refused_and_no_run_is_recorded()
    {
        await using var scope = _services.CreateAsyncScope();

        var refused = await scope.ServiceProvider.GetRequiredService<GenerateInvoices>().ExecuteAsync(new DateOnly(2025, 4, 1), BillingRunTrigger.Manual);

        Assert.False(refused.Succeeded);
        Assert.Contains("terlalu jauh ke depan", refused.FirstError, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.False(await db.BillingRuns.AnyAsync());
    }

    [Fact]
    public async Task The_preview_promises_what_the_run_then_creates_and_nothing_once_it_has_run()
    {
        await CustomersAsync(3, CustomerStatus.Active);
        await CustomersAsync(1, CustomerStatus.Isolated);
        await CustomersAsync(1, CustomerStatus.Suspended);
        await CustomerAsync(CustomerStatus.Active, installed: new DateOnly(2025, 2, 15));
        await CustomerAsync(CustomerStatus.Active, installed: new DateOnly(2025, 3, 3));
        await using (var db = database.CreateDbContext())
        {
            var first = await db.Customers.MinAsync(c => c.Id);
            db.BillingCharges.Add(new BillingCharge(first, InvoiceLineKind.Installation, "Pemasangan", 150_000m, null, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var plan = await PreviewAsync(February);
        var run = await GenerateAsync(February);
        var after = await PreviewAsync(February);

        Assert.Equal((5, 0, 1, 1, 1), (plan.ToCreate, plan.AlreadyInvoiced, plan.NotStartedYet, plan.Prorated, plan.WithOneOffCharges));
        Assert.Equal(4 * 200_000m + 100_000m + 150_000m, plan.Total);
        Assert.Equal(plan.ToCreate, run.Created);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(plan.Total, await db.Invoices.SumAsync(i => i.Total));
            var invoiced = await db.Invoices.OrderBy(i => i.CustomerId).Select(i => new { i.CustomerId, i.Total }).ToListAsync();
            Assert.Equal(invoiced.Select(i => (i.CustomerId, i.Total)), plan.First.Select(p => (p.CustomerId, p.Amount)));
        }
        Assert.Equal((0, 5, 0m), (after.ToCreate, after.AlreadyInvoiced, after.Total));
        Assert.Empty(after.First);
    }

    [Fact]
    public async Task The_preview_refuses_a_month_the_run_would_refuse_and_records_no_run()
    {
        await using var scope = _services.CreateAsyncScope();

        var refused = await scope.ServiceProvider.GetRequiredService<InvoiceRunPreview>().ForAsync(new DateOnly(2025, 4, 1));

        Assert.Contains("terlalu jauh ke depan", refused.Errors["Period"][0], StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.False(await db.BillingRuns.AnyAsync());
    }

    private async Task<InvoiceRunPlan> PreviewAsync(DateOnly period)
    {
        await using var scope = _services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<InvoiceRunPreview>().ForAsync(period);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private async Task<InvoiceRunResult> GenerateAsync(DateOnly period)
    {
        await using var scope = _services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<GenerateInvoices>().ExecuteAsync(period, BillingRunTrigger.Manual);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private async Task CustomersAsync(int count, CustomerStatus status)
    {
        await using var db = database.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = await db.Customers.CountAsync();
        for (var i = 0; i < count; i++)
            db.Customers.Add(NewCustomer(start + i, status, null, _package));
        await db.SaveChangesAsync();
    }

    private async Task<int> CustomerAsync(CustomerStatus status, DateOnly? installed = null, int? package = null)
    {
        await using var db = database.CreateDbContext();
        var customer = NewCustomer(await db.Customers.CountAsync(), status, installed, package ?? _package);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    private Customer NewCustomer(int index, CustomerStatus status, DateOnly? installed, int package)
    {
        var registered = new DateTimeOffset(2024, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var customer = new Customer($"KCB-CKP011224-{index:00000}", $"Pelanggan {index}", $"+62812{index:0000000}", _location, package, registered);
        customer.ScheduleInstallation(installed, null);
        if (status != CustomerStatus.PendingProvisioning)
            customer.ChangeStatus(status, StatusChangeSource.System, null, registered);
        return customer;
    }
}
