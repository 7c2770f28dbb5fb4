namespace IspPortal.Core.Finance;

/// <summary>How money left or came in (expenses, income).</summary>
public enum CashMethod
{
    Cash,
    BankTransfer,
    Qris,
    Card,
    Other,
}
