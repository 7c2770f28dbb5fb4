using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IspPortal.Infrastructure.Demo;

/// <summary>Who did what in the demo's history.</summary>
public sealed record DemoPeople(Guid? Staff, Guid? Finance);

/// <summary>
/// The demo's billing history: the last <see cref="DemoBooks.Months"/> full months and this one. Each
/// customer's first invoice is the PSB's (<see cref="FirstInvoice.For"/>, on the registration day), then
/// the monthly run's on the 1st (<see cref="MonthlyCharges"/>); churned customers stop at the month they
/// left. Money arrives as <see cref="DemoPaymentBehaviour"/> says and is put on the oldest open invoices
/// exactly as <see cref="PaymentPosting"/> does, credit paying a new invoice when it is issued. Everything
/// happens in one time-ordered walk, so numbers run per month in time order, and posts to the ledger
/// with <see cref="BillingLedger"/>'s own entries.
/// </summary>
public sealed class DemoBilling(IspDbContext db, IDocumentSequences sequences, LedgerAccounts accounts, IJournalWriter journal, PortalSettings settings, IspClock ispClock,
    TimeProvider clock, ILogger<DemoBilling> logger)
{
    private static readonly InvoiceStatus[] Open = [InvoiceStatus.Unpaid, InvoiceStatus.PartiallyPaid, InvoiceStatus.Overdue];

    private readonly PriorityQueue<Action, (DateTimeOffset At, long Order)> _events = new();
    private readonly List<Invoice> _invoices = [];
    private readonly List<Invoice> _voided = [];
    private readonly List<CreditNote> _notes = [];
    private readonly List<Payment> _payments = [];
    private readonly List<PaymentAllocation> _allocations = [];
    private readonly Dictionary<Payment, Invoice> _qrisFor = [];
    private long _order;

    public async Task SeedAsync(IReadOnlyList<(Customer Customer, ServicePackage Package)> customers, DateTimeOffset now, DemoPeople people, CancellationToken cancellationToken)
    {
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var finance = await settings.GetAsync<Core.Finance.FinanceSettings>(cancellationToken);
        var today = IspClock.DayOf(now, zone);
        var thisMonth = Invoice.FirstDayOf(today);
        var start = thisMonth.AddMonths(-DemoBooks.Months);
        var behaviour = new DemoPaymentBehaviour(new Random(20250317), now, zone, thisMonth);
        var numbers = new DemoNumbers();

        var active = 0;
        foreach (var (customer, package) in customers.Where(c => c.Customer.Status is not CustomerStatus.PendingProvisioning))
        {
            var account = new DemoAccount(customer, package, customer.Status == CustomerStatus.Active ? active++ : -1);
            behaviour.Profile(account);
            // Of the active customers who did not pay this month, the demo's billing job isolates every other one at its
            // first 09:00 check past H+10; the others promised to pay and are exempt.
            if (account.ActiveIndex >= 0 && account.ActiveIndex % 16 == 0)
                customer.ExemptFromIsolation(today.AddDays(7), "Janji bayar minggu ini (demo)");
            ScheduleInvoices(account, start, thisMonth, today, billing, zone, numbers, behaviour, people);
        }

        var started = clock.GetTimestamp();
        void Done(string part) => logger.LogInformation("Demo billing: {Part} after {Milliseconds} ms", part, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        while (_events.TryDequeue(out var happen, out _))
            happen();
        Done($"{_invoices.Count} invoices, {_payments.Count} payments, {_allocations.Count} allocations walked");
        foreach (var invoice in _invoices.Where(i => Open.Contains(i.Status)))
            invoice.MarkOverdueIfDue(today, now);
        await db.SaveChangesAsync(cancellationToken);
        Done("saved");

        // Saved: later saves need not look through thousands of invoices and payments for changes.
        db.ChangeTracker.Clear();
        // A QRIS code is made for one invoice; set-based, the rows are in the audit log as inserted.
        const string linkQris = "UPDATE payments p SET invoice_id = v.invoice_id FROM unnest(@payments, @invoices) AS v(id, invoice_id) WHERE p.id = v.id";
        await db.Database.ExecuteSqlRawAsync(linkQris,
            [new NpgsqlParameter("payments", _qrisFor.Keys.Select(p => p.Id).ToArray()), new NpgsqlParameter("invoices", _qrisFor.Values.Select(i => i.Id).ToArray())],
            cancellationToken);
        await numbers.ReserveAsync(db, sequences, cancellationToken);
        foreach (var credit in _payments.GroupBy(p => p.CustomerId).Select(g => (Customer: g.Key, Credit: g.Sum(p => p.Amount - p.AllocatedAmount))).Where(c => c.Credit > 0))
            await db.Customers.Where(c => c.Id == credit.Customer).ExecuteUpdateAsync(set => set.SetProperty(c => c.CreditBalance, credit.Credit), cancellationToken);

        Done("numbered");
        await PostAsync(customers.ToDictionary(c => c.Customer.Id, c => c.Customer), finance, zone, cancellationToken);
        Done("posted");
    }

    private void ScheduleInvoices(DemoAccount account, DateOnly start, DateOnly thisMonth, DateOnly today, BillingSettings billing, TimeZoneInfo zone,
        DemoNumbers numbers, DemoPaymentBehaviour behaviour, DemoPeople people)
    {
        var customer = account.Customer;
        var serviceStart = BillableCustomers.ServiceStart(customer, zone);
        var registeredOn = IspClock.DayOf(customer.RegisteredAt, zone);
        DateOnly? left = customer.Status is CustomerStatus.Suspended or CustomerStatus.Terminated ? Invoice.FirstDayOf(IspClock.DayOf(customer.StatusChangedAt, zone)) : null;
        for (var period = start; period <= thisMonth; period = period.AddMonths(1))
        {
            if (left is { } gone && period >= gone)
                break;
            if (Invoice.FirstDayOf(serviceStart) > period || serviceStart > today)
                continue;
            var first = Invoice.FirstDayOf(serviceStart) == period && registeredOn >= start;
            var bill = first
                ? FirstInvoice.For(account.Package, serviceStart, registeredOn, billing).Bill
                : MonthlyCharges.For(account.Package, serviceStart, period, period, billing);
            if (bill is null)
                continue;
            var issuedAt = first ? customer.RegisteredAt : DemoPaymentBehaviour.At(period, 7, zone);
            var captured = bill;
            At(issuedAt, () => Issue(account, captured, issuedAt, billing, numbers, behaviour, people));
        }
    }

    private void Issue(DemoAccount account, MonthlyBill bill, DateTimeOffset at, BillingSettings billing, DemoNumbers numbers, DemoPaymentBehaviour behaviour, DemoPeople people)
    {
        var invoice = BillableCustomers.Draft(numbers.Next(DocumentNumberFormat.InvoiceKind, billing.InvoiceNumberFormat, bill.Period), account.Customer.Id, bill, [], at);
        if (invoice.Total <= 0)
            return;
        db.Invoices.Add(invoice);
        _invoices.Add(invoice);
        account.Invoices.Add(invoice);
        // The run puts a customer's credit on the new invoice at once.
        Allocate(account, at);

        switch (behaviour.Correction(account, invoice))
        {
            case DemoCorrection.Void:
                At(at.AddDays(1), () =>
                {
                    invoice.Void("Pemasangan tertunda; bulan ini tidak ditagih (demo)", people.Finance, at.AddDays(1));
                    _voided.Add(invoice);
                });
                return;
            case DemoCorrection.CreditNote:
                var noteAt = at.AddDays(2);
                At(noteAt, () =>
                {
                    // The chosen invoice may be paid by now (its payment came within two days, or credit took it at issue): the
                    // history still has its one credit note, on the first invoice of that month still open.
                    var credited = invoice.AmountDue > 0 ? invoice
                        : _invoices.FirstOrDefault(i => i.Period == invoice.Period && i.Status != InvoiceStatus.Void && i.AmountDue > 0);
                    if (credited is null)
                        return;
                    var amount = Math.Min(credited.AmountDue, Math.Round(credited.Total / 10m, 0, MidpointRounding.AwayFromZero));
                    var note = new CreditNote(numbers.Next(DocumentNumberFormat.CreditNoteKind, CreditNote.NumberFormat, Invoice.FirstDayOf(behaviour.Day(noteAt))),
                        credited, amount, "Kompensasi gangguan jaringan 3 hari", people.Finance, noteAt);
                    db.CreditNotes.Add(note);
                    _notes.Add(note);
                });
                break;
        }

        if (behaviour.PayAt(account, invoice, at) is not { } payAt)
            return;
        var method = behaviour.Method(account);
        At(payAt, () => Pay(account, invoice, payAt, method, numbers, behaviour, people));
    }

    private void Pay(DemoAccount account, Invoice invoice, DateTimeOffset at, PaymentMethod method, DemoNumbers numbers, DemoPaymentBehaviour behaviour, DemoPeople people)
    {
        // Money goes to the oldest open invoice first, so an earlier payment may have paid this one:
        // the customer then pays the bill still open, if any.
        if (!Open.Contains(invoice.Status) || invoice.AmountDue <= 0)
        {
            if (account.Invoices.Where(i => Open.Contains(i.Status) && i.AmountDue > 0).OrderBy(i => i.Period).FirstOrDefault() is not { } open)
                return;
            invoice = open;
        }
        var amount = behaviour.Amount(account, invoice);
        var number = numbers.Next(DocumentNumberFormat.PaymentKind, Payment.NumberFormat, Invoice.FirstDayOf(behaviour.Day(at)));
        var payment = new Payment(number, account.Customer.Id, method, amount, at, method == PaymentMethod.Qris ? null : people.Staff);
        var confirmedAt = at;
        switch (method)
        {
            case PaymentMethod.BankTransfer:
                payment.Reference = $"Transfer BCA {account.Customer.FullName}";
                confirmedAt = behaviour.Confirmation(at);
                payment.Confirm(people.Finance, confirmedAt);
                break;
            case PaymentMethod.Qris:
                payment.LinkGateway(PaymentGatewayNames.Midtrans, $"demo-{number.Replace('/', '-')}", $"{invoice.Number.Replace('/', '-')}-{_payments.Count}", "settlement", at);
                payment.UseChannel(PaymentChannels.Qris);
                payment.Confirm(null, at, "settlement");
                _qrisFor[payment] = invoice;
                break;
        }
        db.Payments.Add(payment);
        _payments.Add(payment);
        account.Payments.Add(payment);
        Allocate(account, confirmedAt);
    }

    /// <summary><see cref="PaymentPosting.PostAsync"/>'s walk: the customer's confirmed money onto the open invoices, oldest first.</summary>
    private void Allocate(DemoAccount account, DateTimeOffset at)
    {
        var payments = account.Payments.Where(p => p.Status == PaymentStatus.Confirmed && p.Amount > p.AllocatedAmount).OrderBy(p => p.ReceivedAt).ToList();
        if (payments.Count == 0)
            return;
        foreach (var invoice in account.Invoices.Where(i => Open.Contains(i.Status)).OrderBy(i => i.Period).ThenBy(i => i.DueDate))
        {
            foreach (var payment in payments)
            {
                var amount = Math.Min(payment.Amount - payment.AllocatedAmount, invoice.AmountDue);
                if (amount > 0)
                    _allocations.Add(payment.AllocateTo(invoice, amount, at));
            }
        }
    }

    private void At(DateTimeOffset at, Action happen) => _events.Enqueue(happen, (at, _order++));

    /// <summary>The entries <see cref="BillingLedger"/> posts for these events, in the seed's transaction.</summary>
    private async Task PostAsync(Dictionary<int, Customer> customers, Core.Finance.FinanceSettings finance, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var map = await accounts.MapAsync(db, cancellationToken);
        LineDimensions Of(int customerId) => BillingLedger.Dimensions(customers[customerId]);
        var drafts = new List<JournalDraft?>();
        drafts.AddRange(_invoices.Select(i => BillingLedger.InvoiceEntry(map, i, i.Lines, i.Id, Of(i.CustomerId), JournalSource.Invoice, i.IssueDate, reverse: false)));
        drafts.AddRange(_voided.Select(i => BillingLedger.InvoiceEntry(map, i, i.Lines, i.Id, Of(i.CustomerId), JournalSource.InvoiceVoid, IspClock.DayOf(i.VoidedAt!.Value, zone), reverse: true)));
        drafts.AddRange(_notes.Select(n => BillingLedger.CreditNoteEntry(map, n, n.Invoice!, Of(n.CustomerId), zone)));
        drafts.AddRange(_payments.Select(p => BillingLedger.PaymentEntry(map, p, finance, Of(p.CustomerId), zone)));
        drafts.AddRange(_allocations.Select(a => BillingLedger.AllocationEntry(map, a, Of(a.Invoice!.CustomerId), zone)));
        foreach (var chunk in drafts.OfType<JournalDraft>().Chunk(LedgerBackfill.BatchSize))
            await journal.PostAsync(db, chunk, cancellationToken);
    }
}

/// <summary>One demo customer's billing as the walk goes.</summary>
public sealed class DemoAccount(Customer customer, ServicePackage package, int activeIndex)
{
    public Customer Customer { get; } = customer;

    public ServicePackage Package { get; } = package;

    /// <summary>The customer's place among the active ones; -1 for others.</summary>
    public int ActiveIndex { get; } = activeIndex;

    public List<Invoice> Invoices { get; } = [];

    public List<Payment> Payments { get; } = [];

    public PaymentMethod Preferred { get; set; }

    /// <summary>For an isolated customer, how many months before this one are still unpaid.</summary>
    public int ArrearsMonths { get; set; }
}

public enum DemoCorrection
{
    None,
    Void,
    CreditNote,
}
