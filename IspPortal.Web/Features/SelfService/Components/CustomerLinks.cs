namespace IspPortal.Web.Features.SelfService.Components;

/// <summary>Paths inside <c>/pelanggan</c>; document numbers travel in their file-name form (dashes for slashes).</summary>
public static class CustomerLinks
{
    public static string Ticket(string ticketNumber) => $"/pelanggan/tiket/{Uri.EscapeDataString(ticketNumber.Replace('/', '-'))}";

    public static string Pay(string invoiceNumber) => $"/pelanggan/tagihan/{Uri.EscapeDataString(invoiceNumber.Replace('/', '-'))}/bayar";
}
