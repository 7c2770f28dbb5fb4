using IspPortal.Core.Billing.Payments;
using IspPortal.Core.SelfService.Account;

namespace IspPortal.Web.Features.SelfService.Endpoints;

public sealed record PortalPackage(string Name, int DownloadMbps, int UploadMbps, decimal MonthlyPrice);

public sealed record PortalLastPayment(string Number, decimal Amount, DateTimeOffset At, string Method);

/// <param name="Service">online, offline, isolated or inactive.</param>
/// <param name="PayInvoice">The oldest invoice still owed ("Bayar sekarang").</param>
public sealed record PortalMe(
    string Code, string Name, string Status, string Service, DateTimeOffset? ServiceSince, DateTimeOffset? LastSeenAt, string? IsolationReason,
    PortalPackage Package, decimal AmountDue, DateOnly? NextDueDate, bool Overdue, string? PayInvoice, decimal CreditBalance, PortalLastPayment? LastPayment)
{
    public static PortalMe From(HomeView home) => new(
        home.CustomerCode, home.FullName, home.Status.ToString(), home.Service.ToString().ToLowerInvariant(), home.ServiceSince, home.LastSeenAt, home.IsolationReason,
        new PortalPackage(home.PackageName, home.DownloadMbps, home.UploadMbps, home.MonthlyPrice),
        home.AmountDue, home.NextDueDate, home.Overdue, home.PayInvoice, home.CreditBalance,
        home.LastPayment is { } last ? new PortalLastPayment(last.Number, last.Amount, last.At, last.Method.ToString()) : null);
}

public sealed record PortalInvoice(string Number, DateOnly Period, DateOnly DueDate, decimal Total, decimal Paid, decimal Credited, decimal Due, string Status, bool Payable)
{
    public static PortalInvoice From(PortalInvoiceView invoice) => new(
        invoice.Number, invoice.Period, invoice.DueDate, invoice.Total, invoice.Paid, invoice.Credited, invoice.Due, invoice.Status.ToString(), invoice.Payable);
}

public sealed record PortalReceipt(string Number, decimal Amount, DateTimeOffset At, string Method, IReadOnlyList<string> Invoices)
{
    public static PortalReceipt From(PortalReceiptView receipt) => new(receipt.Number, receipt.Amount, receipt.At, receipt.Method.ToString(), receipt.Invoices);
}

/// <param name="VaNumber">Virtual accounts: the number to pay to; Mandiri: the bill key (with <paramref name="BillerCode"/>).</param>
/// <param name="ActionUrl">E-wallets: opens the app on this payment.</param>
public sealed record PortalPayment(
    string PaymentNumber, string Method, string Label, decimal Amount, string? QrString, string? VaNumber, string? BillerCode, string? ActionUrl,
    DateTimeOffset? ExpiresAt, IReadOnlyList<string> Instructions)
{
    public static PortalPayment From(GatewayPaymentToPay payment)
    {
        var channel = PaymentChannels.Find(payment.Channel)!;
        return new(payment.PaymentNumber, payment.Channel, channel.Label, payment.Amount, payment.QrString, payment.VaNumber, payment.BillerCode, payment.ActionUrl,
            payment.ExpiresAt, channel.Instructions);
    }
}
