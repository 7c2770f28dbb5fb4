using IspPortal.Core.Common;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>
/// One account of the chart (table <c>ledger_accounts</c>). Codes follow the SAK EMKM habit of
/// Indonesian small businesses (<c>1-1100 Kas</c>); <see cref="Role"/> is how postings find the
/// accounts they need, so Finance may rename or renumber an account without breaking them.
/// An account that was posted to is deactivated, never deleted.
/// </summary>
[FeatureApi]
public class LedgerAccount
{
    public const int CodeMaxLength = 16;
    public const int NameMaxLength = 120;
    public const int RoleMaxLength = 48;

    private LedgerAccount() { }

    public LedgerAccount(string code, string name, AccountType type, AccountKind kind = AccountKind.General, string? role = null)
    {
        Code = code;
        Name = name;
        Type = type;
        Kind = kind;
        Role = role;
    }

    public int Id { get; private set; }

    /// <summary>e.g. <c>1-1100</c>; unique.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public AccountType Type { get; private set; }

    public AccountKind Kind { get; private set; }

    /// <summary>The posting role this account plays (<see cref="AccountRoles"/>); unique, null for accounts Finance added.</summary>
    public string? Role { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>Debit-normal accounts (assets, expenses) grow with debits; the others with credits.</summary>
    public bool IsDebitNormal => IsDebitNormalType(Type);

    public static bool IsDebitNormalType(AccountType type) => type is AccountType.Asset or AccountType.Expense;

    /// <summary>Revenue and expense accounts start every fiscal year at zero (closed into retained earnings).</summary>
    public bool IsProfitAndLoss => Type is AccountType.Revenue or AccountType.Expense;

    public void Rename(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

[FeatureApi]
public enum AccountType
{
    Asset,
    Liability,
    Equity,
    Revenue,
    Expense,
}

/// <summary>What money an account holds, for the screens that ask "paid from where".</summary>
[FeatureApi]
public enum AccountKind
{
    General,
    Cash,
    Bank,
    /// <summary>Money a payment gateway collected and has not yet paid out to the bank.</summary>
    Clearing,
}
