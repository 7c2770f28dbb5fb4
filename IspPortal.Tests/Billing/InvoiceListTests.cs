using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Invoices;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>
/// The invoice list on real PostgreSQL. February: Siti paid, Budi paid part, Dewi's invoice void;
/// March: Siti unpaid, Budi unpaid with a credit note of 30,000. Every invoice is 200,000.
/// </summary>
public sealed class InvoiceListTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateOnly February = new(2025, 2, 1), March = new(2025, 3, 1);
    private static readonly DateTimeOffset Now = new(2025, 3, 15, 3, 0, 0, TimeSpan.Zero);
    private ServiceProvider _services = default!;
    private int _krw;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString);
        await using var db = database.CreateDbContext();
        var kcb = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = Now };
        var krw = new LocationCode { Code = "KRW", Name = "Kerawang Barat", CreatedAt = Now };
        var package = new ServicePackage { Code = "HOME-20", Name = "Rumahan 20 Mbps", MikrotikProfile = "p20", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = 200_000m, CreatedAt = Now };
        db.AddRange(kcb, krw, package);
        await db.SaveChangesAsync();
        _krw = krw.Id;

        var siti = Customer("KCB-CKP011224-001", "Siti Aminah", "+6281211110001", kcb.Id, package.Id);
        var budi = Customer("KRW-CKP011224-002", "Budi Santoso", "+6281322220002", krw.Id, package.Id);
        var dewi = Customer("KCB-CKP011224-003", "Dewi Lestari", "+6281533330003", kcb.Id, package.Id);
        db.Customers.AddRange(siti, budi, dewi);
        await db.SaveChangesAsync();

        var sitiFebruary = Invoice(1, siti, February);
        var budiFebruary = Invoice(2, budi, February);
        var dewiFebruary = Invoice(3, dewi, February);
        var sitiMarch = Invoice(1, siti, March);
        var budiMarch = Invoice(2, budi, March);
        db.Invoices.AddRange(sitiFebruary, budiFebruary, dewiFebruary, sitiMarch, budiMarch);
        await db.SaveChangesAsync();

        Pay(db, "PAY/2025/03/000001", sitiFebruary, 200_000m);
        Pay(db, "PAY/2025/03/000002", budiFebruary, 50_000m);
        dewiFebruary.Void("Pelanggan berhenti sebelum tagihan", null, Now);
        db.CreditNotes.Add(new CreditNote("CN/2025/03/000001", budiMarch, 30_000m, "Gangguan 3 hari", null, Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_month_totals_what_was_billed_paid_and_is_still_due_without_the_void_invoice()
    {
        var page = await PageAsync(new InvoiceFilter(Period: February));

        Assert.Equal(new InvoiceTotals(3, 400_000m, 250_000m, 150_000m), page.Totals);
        Assert.Equal(3, page.Rows.Total);
        Assert.Equal([InvoiceStatus.Paid, InvoiceStatus.PartiallyPaid, InvoiceStatus.Void], page.Rows.Items.Select(r => r.Status));
    }

    [Fact]
    public async Task Owing_is_unpaid_partly_paid_and_overdue_with_credit_notes_taken_off_what_is_due()
    {
        Assert.True(InvoiceStatusFilter.TryParse("owing", out var owing));

        var page = await PageAsync(new InvoiceFilter(Statuses: owing));

        Assert.Equal(new InvoiceTotals(3, 600_000m, 50_000m, 520_000m), page.Totals);
        Assert.Contains(page.Rows.Items, r => (r.CustomerCode, r.Period, r.AmountDue) == ("KRW-CKP011224-002", March, 170_000m));
    }

    [Theory]
    [InlineData("0813-2222-0002", 2)]
    [InlineData("siti", 2)]
    [InlineData("INV/2025/03", 2)]
    [InlineData("KCB-CKP011224-003", 1)]
    [InlineData("nobody", 0)]
    public async Task Search_finds_invoices_by_number_or_by_the_customer_code_name_or_phone_as_typed(string search, int expected)
    {
        var page = await PageAsync(new InvoiceFilter(), new PageRequest(Search: search));

        Assert.Equal(expected, page.Rows.Total);
        Assert.Equal(expected, page.Totals.Count);
    }

    [Fact]
    public async Task Location_filter_keeps_the_invoices_of_customers_there()
    {
        var page = await PageAsync(new InvoiceFilter(LocationCodeId: _krw));

        Assert.All(page.Rows.Items, r => Assert.Equal(("Budi Santoso", "KRW"), (r.CustomerName, r.LocationCode)));
        Assert.Equal(2, page.Rows.Total);
    }

    [Fact]
    public async Task Pages_sorted_by_amount_due_show_every_invoice_once_even_where_amounts_tie()
    {
        var seen = new List<int>();
        for (var number = 0; number < 3; number++)
            seen.AddRange((await PageAsync(new InvoiceFilter(), new PageRequest(number, 2, SortBy: nameof(InvoiceRow.AmountDue), Descending: true))).Rows.Items.Select(r => r.Id));

        Assert.Equal(5, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("owing", true)]
    [InlineData("Overdue", true)]
    [InlineData("partiallypaid", true)]
    [InlineData("3", false)]
    [InlineData("lunas", false)]
    public void Status_choices_are_owing_or_a_status_by_name(string choice, bool known) =>
        Assert.Equal(known, InvoiceStatusFilter.TryParse(choice, out _));

    private async Task<InvoicePage> PageAsync(InvoiceFilter filter, PageRequest? request = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvoiceList>().PageAsync(request ?? new PageRequest(), filter);
    }

    private static Customer Customer(string code, string name, string phone, int location, int package)
    {
        var customer = new Customer(code, name, phone, location, package, Now.AddMonths(-4));
        customer.ChangeStatus(CustomerStatus.Active, StatusChangeSource.System, null, Now.AddMonths(-4));
        return customer;
    }

    private static Invoice Invoice(int sequence, Customer customer, DateOnly period)
    {
        var invoice = new Invoice($"INV/{period:yyyy/MM}/{sequence:000000}", customer.Id, period, period, period.AddDays(9), 0, Now);
        invoice.AddLine(InvoiceLineKind.Subscription, "Rumahan 20 Mbps", 1, 200_000m);
        return invoice;
    }

    private static void Pay(IspPortal.Infrastructure.Persistence.IspDbContext db, string number, Invoice invoice, decimal amount)
    {
        var payment = new Payment(number, invoice.CustomerId, PaymentMethod.Cash, amount, Now, null);
        payment.AllocateTo(invoice, amount, Now);
        db.Payments.Add(payment);
    }
}
