namespace IspPortal.Core.Billing.Documents;

/// <summary>Turns invoices and receipts into PDF files.</summary>
public interface IBillingDocumentRenderer
{
    byte[] Invoice(InvoiceDocument invoice);

    byte[] Receipt(ReceiptDocument receipt);
}
