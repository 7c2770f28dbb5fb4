using System.IO.Compression;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Documents;

/// <summary>A rendered PDF and the file name to offer it under.</summary>
[FeatureApi]
public sealed record BillingPdf(string FileName, byte[] Content);

/// <summary>
/// Invoice and receipt PDFs: reads the invoice or payment with the company profile, logo and payment
/// instructions as they are now, and renders through <see cref="IBillingDocumentRenderer"/>.
/// </summary>
[FeatureApi]
public sealed class BillingDocuments(IIspDbFactory dbs, PortalSettings settings, IspClock ispClock, IBillingDocumentRenderer renderer)
{
    /// <summary>More in one zip would keep a request busy for minutes; a month of a large ISP is split by status.</summary>
    public const int MaxInvoicesPerZip = 5000;

    /// <summary>Invoices read from the database at a time while a zip is written.</summary>
    private const int ZipBatchSize = 100;

    private static readonly PaymentStatus[] ReceiptedStatuses = [PaymentStatus.Confirmed, PaymentStatus.Refunded];

    public static string TooManyForOneZip(int count) => string.Create(Rupiah.Indonesia,
        $"{count:N0} tagihan terlalu banyak untuk satu zip (paling banyak {MaxInvoicesPerZip:N0}); unduh per status.");

    public static string FileNameFor(string documentNumber) =>
        documentNumber.Replace('/', '-').Replace('\\', '-') + ".pdf";

    public async Task<BillingPdf?> InvoicePdfAsync(int invoiceId, CancellationToken cancellationToken = default)
    {
        var documents = await InvoicesAsync([invoiceId], cancellationToken);
        return documents.Count == 0 ? null : new BillingPdf(FileNameFor(documents[0].Number), renderer.Invoice(documents[0]));
    }

    /// <returns>Null for an unknown payment and for one not (yet) confirmed: no money was received to acknowledge.</returns>
    public async Task<BillingPdf?> ReceiptPdfAsync(long paymentId, CancellationToken cancellationToken = default)
    {
        var receipt = await ReceiptAsync(paymentId, cancellationToken);
        return receipt is null ? null : new BillingPdf(FileNameFor(receipt.Number), renderer.Receipt(receipt));
    }

    /// <summary>The invoices of a month (optionally of one status), in number order, for <see cref="WriteInvoicesZipAsync"/>.</summary>
    public async Task<IReadOnlyList<int>> InvoiceIdsAsync(DateOnly period, InvoiceStatus? status, CancellationToken cancellationToken = default)
    {
        var month = Invoice.FirstDayOf(period);
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Invoices.AsNoTracking()
            .Where(i => i.Period == month && (status == null || i.Status == status))
            .OrderBy(i => i.Number)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Writes one PDF per invoice into a zip on <paramref name="output"/>, a batch of invoices at a
    /// time, so a month of invoices never sits in memory at once. Unknown ids are left out.
    /// </summary>
    public async Task WriteInvoicesZipAsync(IReadOnlyList<int> invoiceIds, Stream output, CancellationToken cancellationToken = default)
    {
        if (invoiceIds.Count > MaxInvoicesPerZip)
            throw new ArgumentOutOfRangeException(nameof(invoiceIds), invoiceIds.Count, TooManyForOneZip(invoiceIds.Count));

        await using var buffer = new ZipOutputBuffer(output);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var batch in invoiceIds.Chunk(ZipBatchSize))
            {
                foreach (var invoice in await InvoicesAsync(batch, cancellationToken))
                {
                    var entry = zip.CreateEntry(FileNameFor(invoice.Number), CompressionLevel.Fastest);
                    await using (var content = entry.Open())
                        await content.WriteAsync(renderer.Invoice(invoice), cancellationToken);
                    await buffer.DrainAsync(cancellationToken);
                }
            }
        }
        await buffer.DrainAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InvoiceDocument>> InvoicesAsync(IReadOnlyCollection<int> invoiceIds, CancellationToken cancellationToken = default)
    {
        var company = await CompanyAsync(cancellationToken);
        var payment = await settings.GetAsync<PaymentInstructions>(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoices = await db.Invoices.AsNoTracking()
            .Include(i => i.Lines)
            .Include(i => i.Customer)
            .Where(i => invoiceIds.Contains(i.Id))
            .OrderBy(i => i.Number)
            .ToListAsync(cancellationToken);
        return [.. invoices.Select(i => new InvoiceDocument(
            company,
            CustomerOf(i.Customer!),
            i.Number,
            i.Period,
            i.IssueDate,
            i.DueDate,
            [.. i.Lines.OrderBy(l => l.Position).Select(l => new InvoiceDocumentLine(l.Description, l.Quantity, l.UnitPrice, l.Amount, l.Kind == InvoiceLineKind.Discount))],
            i.Subtotal,
            i.DiscountAmount,
            i.TaxRate,
            i.TaxAmount,
            i.Total,
            i.AmountPaid,
            i.AmountDue,
            i.Status,
            i.VoidReason,
            Terbilang.Rupiah(i.Total),
            payment.BankTransfer,
            string.IsNullOrWhiteSpace(payment.StaticQrisPayload) ? null : payment.StaticQrisPayload))];
    }

    public async Task<ReceiptDocument?> ReceiptAsync(long paymentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var payment = await db.Payments.AsNoTracking()
            .Include(p => p.Customer)
            .Include(p => p.Allocations).ThenInclude(a => a.Invoice)
            .SingleOrDefaultAsync(p => p.Id == paymentId && ReceiptedStatuses.Contains(p.Status), cancellationToken);
        if (payment is null)
            return null;
        var staff = payment.ConfirmedById ?? payment.RecordedById;
        var staffName = staff is null ? null : await db.Users.Where(u => u.Id == staff).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        return new ReceiptDocument(
            await CompanyAsync(cancellationToken),
            CustomerOf(payment.Customer!),
            payment.Number,
            TimeZoneInfo.ConvertTime(payment.ReceivedAt, zone),
            payment.Method,
            payment.Reference,
            payment.Amount,
            [.. payment.Allocations.OrderBy(a => a.AllocatedAt).ThenBy(a => a.Id).Select(a => new ReceiptAllocation(a.Invoice!.Number, a.Amount))],
            payment.Amount - payment.AllocatedAmount,
            Terbilang.Rupiah(payment.Amount),
            staffName ?? payment.Gateway ?? "Sistem");
    }

    private async Task<DocumentCompany> CompanyAsync(CancellationToken cancellationToken)
    {
        var profile = await settings.GetAsync<CompanyProfile>(cancellationToken);
        var logo = await settings.GetAsync<CompanyLogo>(cancellationToken);
        return new DocumentCompany(profile.Name, JoinNonEmpty(profile.Address, profile.City), profile.Phone, profile.Email, profile.Npwp, logo.Bytes());
    }

    private static DocumentCustomer CustomerOf(Customer customer) => new(
        customer.Code,
        customer.FullName,
        JoinNonEmpty(customer.Address, customer.Village, customer.District, customer.City, customer.Province, customer.PostalCode),
        customer.Phone);

    private static string JoinNonEmpty(params string?[] parts) =>
        string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
