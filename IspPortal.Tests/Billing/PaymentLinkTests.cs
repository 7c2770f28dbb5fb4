using System.Text;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Automation;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>
/// The customer's pay link: it opens while the invoice is owed and for the set days after it was paid
/// or voided, then expires; Finance can revoke every link sent so far, and the next message carries a
/// working one. On the manual clock, real PostgreSQL.
/// </summary>
public sealed class PaymentLinkTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        await CoreServices.EnsureRolesAsync(_data.Services);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task A_pay_link_opens_for_the_set_days_after_the_invoice_is_paid_then_expires()
    {
        var customer = await _data.CustomerAsync();
        var invoice = await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1));
        var token = TokenOf(invoice.Number, 0);
        var owed = await OpenAsync(token);

        await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, BillingTestData.MonthlyPrice, "cash-1"));
        _clock.Advance(TimeSpan.FromDays(60) - TimeSpan.FromMinutes(1));
        var lastMinute = await OpenAsync(token);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await OpenAsync(token);
        var longer = await _data.InScopeAsync(sp => sp.GetRequiredService<PortalSettings>().SaveAsync(new BillingSettings { PayLinkDaysAfterSettled = 90 }, Actor.System));
        var afterLonger = await OpenAsync(token);

        Assert.Equal((LinkState.Open, InvoiceStatus.Unpaid), (owed.State, owed.View!.Status));
        Assert.Equal((LinkState.Open, InvoiceStatus.Paid), (lastMinute.State, lastMinute.View!.Status));
        Assert.Equal((LinkState.Expired, null), (expired.State, expired.View));
        Assert.True(longer.Succeeded, longer.FirstError);
        Assert.Equal(LinkState.Open, afterLonger.State);
        Assert.Equal(LinkState.Unknown, (await OpenAsync(token[..^4] + "AAAA")).State);
    }

    [Fact]
    public async Task A_void_invoices_link_expires_too_and_the_setting_has_bounds()
    {
        var customer = await _data.CustomerAsync();
        var invoice = await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1));
        await _data.InScopeAsync(sp => sp.GetRequiredService<Core.Billing.Invoices.InvoiceCorrections>().VoidAsync(invoice.Number, "Salah paket"));
        _clock.Advance(TimeSpan.FromDays(61));

        var expired = await OpenAsync(TokenOf(invoice.Number, 0));
        var tooShort = new BillingSettings { PayLinkDaysAfterSettled = 6 }.Validate();
        var tooLong = new BillingSettings { PayLinkDaysAfterSettled = 366 }.Validate();

        Assert.Equal(LinkState.Expired, expired.State);
        Assert.Contains(nameof(BillingSettings.PayLinkDaysAfterSettled), tooShort.ToDictionary().Keys);
        Assert.Contains(nameof(BillingSettings.PayLinkDaysAfterSettled), tooLong.ToDictionary().Keys);
        Assert.False(new BillingSettings().Validate().Any);
    }

    [Fact]
    public async Task Finance_revokes_the_links_sent_so_far_and_the_next_reminder_carries_one_that_opens()
    {
        var customer = await _data.CustomerAsync();
        var invoice = await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1));
        var sent = TokenOf(invoice.Number, 0);
        var finance = (await TicketTestData.AddUserAsync(_data.Services, "keuangan", Roles.Finance)).Id;

        ActAs(Actor.For(Guid.NewGuid(), "noc", [Roles.Noc]));
        var byNoc = await RevokeAsync(invoice.Id);
        ActAs(Actor.For(finance, "keuangan", [Roles.Finance]));
        var revoked = await RevokeAsync(invoice.Id);
        var missing = await RevokeAsync(int.MaxValue);
        // Made before link versions existed: the bare number under the same purpose reads as version 0.
        var legacy = WebEncoders.Base64UrlEncode(_data.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("IspPortal.Billing.PaymentLink.v1").Protect(Encoding.UTF8.GetBytes(invoice.Number)));
        _clock.Advance(TimeSpan.FromDays(3)); // 18 March: H+8 after the 10 March due date, made a reminder day here
        await _data.InScopeAsync(sp => sp.GetRequiredService<PortalSettings>().SaveAsync(new BillingSettings { ReminderOffsets = [8] }, Actor.System));
        ActAs(Actor.System);
        await _data.InScopeAsync(sp => sp.GetRequiredService<SendInvoiceReminders>().ExecuteAsync(BillingRunTrigger.Manual));

        Assert.Equal(Actor.NotPermitted, byNoc.FirstError);
        Assert.Equal(1, revoked.Value);
        Assert.Equal("Tagihan tidak ditemukan.", missing.FirstError);
        Assert.Equal(LinkState.Revoked, (await OpenAsync(sent)).State);
        Assert.Equal(LinkState.Revoked, (await OpenAsync(legacy)).State);
        Assert.Equal(LinkState.Open, (await OpenAsync(TokenOf(invoice.Number, 1))).State);
        await using var db = database.CreateDbContext();
        var reminder = await db.OutboxMessages.SingleAsync(m => m.IdempotencyKey.StartsWith("invoice-reminder:"));
        var link = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reminder.Parameters)!["link_bayar"];
        Assert.Equal(LinkState.Open, (await OpenAsync(link.Split('/')[^1])).State);
        var audit = await db.AuditLogs.SingleAsync(a => a.Entity == "invoices" && a.EntityKey == invoice.Id.ToString() && a.Action == AuditAction.Update);
        Assert.Equal(("keuangan", finance), (audit.UserName, audit.UserId));
        Assert.Contains("pay_link_version", audit.Changes, StringComparison.Ordinal);
    }

    private string TokenOf(string number, int version) => _data.Services.GetRequiredService<IPaymentLinks>().For(number, version).Split('/')[^1];

    private Task<LinkOpening<InvoiceToPayView>> OpenAsync(string token) => _data.InScopeAsync(sp => sp.GetRequiredService<InvoiceToPay>().OpenAsync(token));

    private Task<Outcome<int>> RevokeAsync(int invoiceId) => _data.InScopeAsync(sp => sp.GetRequiredService<RevokePaymentLinks>().ExecuteAsync(invoiceId));

    private void ActAs(Actor actor) => _data.Services.GetRequiredService<TestActor>().Current = actor;
}
