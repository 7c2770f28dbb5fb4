using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>
/// How billing's events post, each in the transaction of the event itself:
/// <list type="bullet">
/// <item>Invoice issued: Piutang usaha for the total; revenue by line kind (subscription, installation,
/// equipment, other), discounts to Diskon penjualan, PPN to PPN keluaran.</item>
/// <item>Invoice voided: the issue entry's mirror image.</item>
/// <item>Credit note: Nota kredit pelanggan and the PPN share of the invoice, against Piutang usaha.</item>
/// <item>Payment confirmed: the money into cash, the transfer bank or gateway clearing (less the
/// gateway's fee on QRIS), against Titipan pelanggan: until it pays an invoice it is the customer's.</item>
/// <item>Allocation: Titipan pelanggan against Piutang usaha, when a payment (or credit left from
/// one) pays an invoice.</item>
/// </list>
/// So Piutang usaha is always the sum of what invoices still ask for, and Titipan pelanggan the
/// sum of confirmed money no invoice has taken (the customers' credit).
/// </summary>
[FeatureApi]
public sealed class BillingLedger(IJournalWriter writer, LedgerAccounts accounts, PortalSettings settings, IspClock ispClock)
{
    /// <summary>Posts newly issued invoices; <paramref name="ids"/> maps each number to its saved id.</summary>
    public async Task InvoicesIssuedAsync(IIspDb db, IReadOnlyList<Invoice> invoices, IReadOnlyDictionary<string, int> ids, IReadOnlyDictionary<int, Customer> customers, CancellationToken cancellationToken = default)
    {
        if (invoices.Count == 0)
            return;
        var map = await accounts.MapAsync(db, cancellationToken);
        var drafts = invoices
            .Select(i => InvoiceEntry(map, i, i.Lines, ids[i.Number], Dimensions(customers[i.CustomerId]), JournalSource.Invoice, i.IssueDate, reverse: false))
            .OfType<JournalDraft>()
            .ToList();
        await writer.PostAsync(db, drafts, cancellationToken);
    }

    /// <summary>Posts the reversal of a saved, now void invoice.</summary>
    public async Task InvoiceVoidedAsync(IIspDb db, Invoice invoice, CancellationToken cancellationToken = default)
    {
        var lines = await db.InvoiceLines.AsNoTracking().Where(l => l.InvoiceId == invoice.Id).OrderBy(l => l.Position).ToListAsync(cancellationToken);
        var map = await accounts.MapAsync(db, cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var customer = await CustomerAsync(db, invoice.CustomerId, cancellationToken);
        var day = IspClock.DayOf(invoice.VoidedAt ?? throw new InvalidOperationException($"Invoice {invoice.Number} is not void."), zone);
        if (InvoiceEntry(map, invoice, lines, invoice.Id, Dimensions(customer), JournalSource.InvoiceVoid, day, reverse: true) is { } draft)
            await writer.PostAsync(db, [draft], cancellationToken);
    }

    public async Task CreditNoteIssuedAsync(IIspDb db, CreditNote note, Invoice invoice, CancellationToken cancellationToken = default)
    {
        var map = await accounts.MapAsync(db, cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var dimensions = Dimensions(await CustomerAsync(db, note.CustomerId, cancellationToken));
        await writer.PostAsync(db, [CreditNoteEntry(map, note, invoice, dimensions, zone)], cancellationToken);
    }

    /// <summary>Posts a saved payment that was just confirmed.</summary>
    public async Task PaymentConfirmedAsync(IIspDb db, Payment payment, CancellationToken cancellationToken = default)
    {
        if (payment.Status != PaymentStatus.Confirmed)
            throw new InvalidOperationException($"Payment {payment.Number} is {payment.Status}; only confirmed money posts.");
        var map = await accounts.MapAsync(db, cancellationToken);
        var finance = await settings.GetAsync<FinanceSettings>(cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var dimensions = Dimensions(await CustomerAsync(db, payment.CustomerId, cancellationToken));
        await writer.PostAsync(db, [PaymentEntry(map, payment, finance, dimensions, zone)], cancellationToken);
    }

    /// <summary>Posts saved allocations: customer money already received now paying invoices.</summary>
    public async Task AllocationsMadeAsync(IIspDb db, IReadOnlyList<PaymentAllocation> allocations, int customerId, CancellationToken cancellationToken = default)
    {
        if (allocations.Count == 0)
            return;
        var map = await accounts.MapAsync(db, cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var dimensions = Dimensions(await CustomerAsync(db, customerId, cancellationToken));
        var drafts = allocations.Select(a => AllocationEntry(map, a, dimensions, zone)).ToList();
        await writer.PostAsync(db, drafts, cancellationToken);
    }

    public static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static LineDimensions Dimensions(Customer? customer) =>
        customer is null ? default : new LineDimensions(customer.Id, customer.LocationCodeId, customer.RouterId);

    private static Task<Customer?> CustomerAsync(IIspDb db, int customerId, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);

    /// <returns>Null for an invoice of nothing (every line netted to zero).</returns>
    public static JournalDraft? InvoiceEntry(AccountMap map, Invoice invoice, IReadOnlyList<InvoiceLine> lines, int invoiceId, LineDimensions dimensions, JournalSource source, DateOnly date, bool reverse)
    {
        var memo = reverse ? $"Pembatalan tagihan {invoice.Number}: {invoice.VoidReason}" : $"Tagihan {invoice.Number}";
        var builder = new JournalDraftBuilder(date, source, Key(invoiceId), invoice.Number, Memo(memo));
        var sign = reverse ? -1 : 1;
        builder.Debit(map[AccountRoles.Receivable], sign * invoice.Total, dimensions);
        foreach (var line in lines.Where(l => l.Kind != InvoiceLineKind.Discount))
            builder.Credit(map[RevenueRole(line.Kind)], sign * line.Amount, dimensions);
        builder.Debit(map[AccountRoles.SalesDiscount], sign * invoice.DiscountAmount, dimensions);
        builder.Credit(map[AccountRoles.VatOutput], sign * invoice.TaxAmount, dimensions);
        return builder.HasLines ? builder.Build() : null;
    }

    public static JournalDraft CreditNoteEntry(AccountMap map, CreditNote note, Invoice invoice, LineDimensions dimensions, TimeZoneInfo zone)
    {
        // The note takes back the invoice's PPN in the invoice's own proportion.
        var tax = invoice.Total == 0 ? 0 : Math.Round(note.Amount * invoice.TaxAmount / invoice.Total, 0, MidpointRounding.AwayFromZero);
        return new JournalDraftBuilder(IspClock.DayOf(note.CreatedAt, zone), JournalSource.CreditNote, Key(note.Id), note.Number,
                Memo($"Nota kredit {note.Number} atas {invoice.Number}: {note.Reason}"))
            .Debit(map[AccountRoles.CreditNotes], note.Amount - tax, dimensions)
            .Debit(map[AccountRoles.VatOutput], tax, dimensions)
            .Credit(map[AccountRoles.Receivable], note.Amount, dimensions)
            .Build();
    }

    public static JournalDraft PaymentEntry(AccountMap map, Payment payment, FinanceSettings finance, LineDimensions dimensions, TimeZoneInfo zone)
    {
        var builder = new JournalDraftBuilder(IspClock.DayOf(payment.ConfirmedAt ?? payment.ReceivedAt, zone), JournalSource.Payment, Key(payment.Id), payment.Number,
            $"Pembayaran {payment.Number} ({payment.Method})");
        switch (payment.Method)
        {
            case PaymentMethod.Cash:
                builder.Debit(map[AccountRoles.Cash], payment.Amount);
                break;
            case PaymentMethod.BankTransfer:
                builder.Debit(map.TransferAccount(finance), payment.Amount);
                break;
            default:
                var fee = Math.Min(finance.GatewayFeeOn(payment.Amount), payment.Amount);
                builder.Debit(map[AccountRoles.GatewayClearing], payment.Amount - fee).Debit(map[AccountRoles.GatewayFee], fee);
                break;
        }
        return builder.Credit(map[AccountRoles.CustomerDeposit], payment.Amount, dimensions).Build();
    }

    public static JournalDraft AllocationEntry(AccountMap map, PaymentAllocation allocation, LineDimensions dimensions, TimeZoneInfo zone) =>
        new JournalDraftBuilder(IspClock.DayOf(allocation.AllocatedAt, zone), JournalSource.Allocation, Key(allocation.Id),
                allocation.Invoice?.Number, $"Pelunasan {allocation.Invoice?.Number} dari {allocation.Payment?.Number}")
            .Debit(map[AccountRoles.CustomerDeposit], allocation.Amount, dimensions)
            .Credit(map[AccountRoles.Receivable], allocation.Amount, dimensions)
            .Build();

    private static string Memo(string text) => text.Length > JournalEntry.MemoMaxLength ? text[..JournalEntry.MemoMaxLength] : text;

    private static string RevenueRole(InvoiceLineKind kind) => kind switch
    {
        InvoiceLineKind.Subscription or InvoiceLineKind.Proration => AccountRoles.SubscriptionRevenue,
        InvoiceLineKind.Installation => AccountRoles.InstallationRevenue,
        InvoiceLineKind.Equipment => AccountRoles.EquipmentRevenue,
        _ => AccountRoles.OtherRevenue,
    };
}
