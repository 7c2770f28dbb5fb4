namespace IspPortal.Core.Billing.Documents;

/// <summary>Everything an invoice PDF shows, read from one invoice and the settings at the time of printing.</summary>
/// <param name="Period">The first day of the billed month.</param>
/// <param name="TotalInWords">The total in Indonesian words (<see cref="Terbilang"/>).</param>
/// <param name="PaymentInstructions">Bank accounts as the ISP typed them; empty when not set.</param>
/// <param name="StaticQrisPayload">The ISP's QRIS sticker payload; null when not set.</param>
public sealed record InvoiceDocument(
    DocumentCompany Company,
    DocumentCustomer Customer,
    string Number,
    DateOnly Period,
    DateOnly IssueDate,
    DateOnly DueDate,
    IReadOnlyList<InvoiceDocumentLine> Lines,
    decimal Subtotal,
    decimal Discount,
    decimal PpnRatePercent,
    decimal PpnAmount,
    decimal Total,
    decimal Paid,
    decimal AmountDue,
    InvoiceStatus Status,
    string? VoidReason,
    string TotalInWords,
    string PaymentInstructions,
    string? StaticQrisPayload);

/// <param name="IsDiscount">Shown subtracted; its amount is positive like on the invoice.</param>
public sealed record InvoiceDocumentLine(string Description, decimal Quantity, decimal UnitPrice, decimal Amount, bool IsDiscount);
