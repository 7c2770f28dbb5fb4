using IspPortal.Core.Billing;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Ledger;

namespace IspPortal.Tests.Finance;

/// <summary>The accounts and amounts each billing document posts, computed by hand.</summary>
public sealed class BillingPostingRulesTests
{
    private static readonly AccountMap Accounts = new(
        StandardChart.Accounts.Select((a, i) => (a, Id: i + 1)).Where(x => x.a.Role is not null).ToDictionary(x => x.a.Role!, x => x.Id),
        new Dictionary<string, LedgerAccount>());

    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Fact]
    public void An_invoice_with_installation_discount_and_ppn_posts_receivable_revenues_discount_and_output_vat()
    {
        var invoice = new Invoice("INV/2025/03/000001", 7, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 10), 11m, DateTimeOffset.UnixEpoch);
        invoice.AddLine(InvoiceLineKind.Proration, "Rumahan 20 Mbps 15–31 Maret", 1, 109_677m);
        invoice.AddLine(InvoiceLineKind.Installation, "Instalasi", 1, 250_000m);
        invoice.AddLine(InvoiceLineKind.Discount, "Promo", 1, 50_000m);

        var entry = BillingLedger.InvoiceEntry(Accounts, invoice, invoice.Lines, 42, new LineDimensions(7, 3, 5), JournalSource.Invoice, invoice.IssueDate, reverse: false)!;

        // PPN 11% of (359,677 − 50,000) = 34,064.47 → 34,064; total 343,741.
        Assert.Equal(
            [
                (AccountRoles.Receivable, 343_741m, 0m),
                (AccountRoles.SubscriptionRevenue, 0m, 109_677m),
                (AccountRoles.InstallationRevenue, 0m, 250_000m),
                (AccountRoles.SalesDiscount, 50_000m, 0m),
                (AccountRoles.VatOutput, 0m, 34_064m),
            ],
            entry.Lines.Select(l => (RoleOf(l.AccountId), l.Debit, l.Credit)));
        Assert.All(entry.Lines, l => Assert.Equal((7, 3, 5), (l.CustomerId, l.LocationCodeId, l.RouterId)));
        Assert.Equal((JournalSource.Invoice, "42", "INV/2025/03/000001"), (entry.Source, entry.SourceKey, entry.SourceNumber));
    }

    [Fact]
    public void A_void_posts_the_exact_mirror_of_the_issue()
    {
        var invoice = new Invoice("INV/2025/03/000002", 7, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 10), 11m, DateTimeOffset.UnixEpoch);
        invoice.AddLine(InvoiceLineKind.Subscription, "Rumahan 20 Mbps", 1, 200_000m);

        var issued = BillingLedger.InvoiceEntry(Accounts, invoice, invoice.Lines, 9, default, JournalSource.Invoice, invoice.IssueDate, reverse: false)!;
        var voided = BillingLedger.InvoiceEntry(Accounts, invoice, invoice.Lines, 9, default, JournalSource.InvoiceVoid, new DateOnly(2025, 3, 4), reverse: true)!;

        Assert.Equal(issued.Lines.Select(l => (l.AccountId, l.Credit, l.Debit)), voided.Lines.Select(l => (l.AccountId, l.Debit, l.Credit)));
        Assert.Equal((JournalSource.InvoiceVoid, new DateOnly(2025, 3, 4)), (voided.Source, voided.Date));
    }

    [Fact]
    public void A_qris_payment_lands_in_gateway_clearing_less_the_gateways_fee_and_the_customer_is_credited_the_whole_amount()
    {
        var payment = new Payment("PAY/2025/03/000001", 7, PaymentMethod.Qris, 222_000m, new DateTimeOffset(2025, 3, 31, 18, 0, 0, TimeSpan.Zero), null);
        payment.Confirm(null, new DateTimeOffset(2025, 3, 31, 18, 0, 0, TimeSpan.Zero));

        var entry = BillingLedger.PaymentEntry(Accounts, payment, new FinanceSettings { GatewayFeePercent = 0.7m }, new LineDimensions(7), Jakarta);

        // 0.7% of 222,000 = 1,554; 18:00 UTC on the 31st is already 1 April in Jakarta.
        Assert.Equal(
            [(AccountRoles.GatewayClearing, 220_446m, 0m), (AccountRoles.GatewayFee, 1_554m, 0m), (AccountRoles.CustomerDeposit, 0m, 222_000m)],
            entry.Lines.Select(l => (RoleOf(l.AccountId), l.Debit, l.Credit)));
        Assert.Equal(new DateOnly(2025, 4, 1), entry.Date);
    }

    [Fact]
    public void An_unbalanced_or_one_sided_draft_cannot_be_built()
    {
        Assert.Throws<InvalidOperationException>(() => new JournalDraftBuilder(new DateOnly(2025, 3, 1), JournalSource.Manual, "1", null, "x").Debit(1, 100m).Credit(2, 90m).Build());
        Assert.Throws<InvalidOperationException>(() => new JournalDraftBuilder(new DateOnly(2025, 3, 1), JournalSource.Manual, "2", null, "x").Debit(1, 100m).Credit(1, 100m).Build());
        Assert.Throws<InvalidOperationException>(() => new JournalDraftBuilder(new DateOnly(2025, 3, 1), JournalSource.Manual, "3", null, "x").Debit(1, 0.005m).Credit(2, 0.005m).Build());
    }

    private static string RoleOf(int accountId) => StandardChart.Accounts[accountId - 1].Role!;
}
