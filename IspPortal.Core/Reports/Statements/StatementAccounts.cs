using IspPortal.Core.Finance.Ledger;

namespace IspPortal.Core.Reports.Statements;

/// <summary>Where an account's money goes in a cash flow statement.</summary>
public enum CashActivity
{
    /// <summary>Cash, bank and gateway clearing: the money the statement follows.</summary>
    Cash,
    Operating,
    Investing,
    Financing,
}

/// <summary>
/// How the statements group the chart. SAK EMKM codes say it: the first digit after the dash is 1 for
/// current items (1-1xxx current assets, 2-1xxx current liabilities, 4-1xxx/5-1xxx operating revenue and
/// expenses), 9 for other income and expenses (4-9xxx, 5-9xxx), anything else for non-current items
/// (1-2xxx fixed assets, 1-3xxx investments, 2-2xxx long-term debt).
/// </summary>
public static class StatementAccounts
{
    /// <summary>
    /// Cash and cash equivalents: Kas, the banks and Kliring payment gateway. Gateway money is the
    /// customers' money already received (the gateway confirmed it, the invoice is settled) and reaches the
    /// bank within days without any risk the ISP must carry, so it is a cash equivalent; leaving it out would
    /// move QRIS receipts to whenever the gateway pays out and show the payout as a working-capital change.
    /// </summary>
    public static bool IsCash(AccountKind kind) => kind is AccountKind.Cash or AccountKind.Bank or AccountKind.Clearing;

    /// <summary>Other (non-operating) income or expense: 4-9xxx and 5-9xxx.</summary>
    public static bool IsOther(string code) => Group(code) == '9';

    /// <summary>Fixed assets, investments and long-term debt: any group but 1 (current) after the dash.</summary>
    public static bool IsNonCurrent(string code) => Group(code) != '1';

    public static CashActivity Activity(this LedgerAccount account) => account switch
    {
        { Kind: var kind } when IsCash(kind) => CashActivity.Cash,
        { Role: AccountRoles.DisposalGain or AccountRoles.DisposalLoss } => CashActivity.Investing,
        { Type: AccountType.Equity } => CashActivity.Financing,
        { Type: AccountType.Liability } when IsNonCurrent(account.Code) => CashActivity.Financing,
        { Type: AccountType.Asset } when IsNonCurrent(account.Code) => CashActivity.Investing,
        _ => CashActivity.Operating,
    };

    /// <summary>The account's balance or movement on its normal side (debit for assets and expenses, credit for the rest).</summary>
    public static decimal Normal(LedgerAccount account, decimal debitMinusCredit) => account.IsDebitNormal ? debitMinusCredit : -debitMinusCredit;

    private static char Group(string code) => code.Length > 2 ? code[2] : '1';
}
