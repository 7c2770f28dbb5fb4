using IspPortal.Core.Common;
using IspPortal.Core.Customers.Photos;

namespace IspPortal.Core.Finance.Expenses;

/// <summary>
/// Expense receipts: a photo (checked, decoded and stripped as customer photos are) or a PDF
/// (recognised by its first bytes, not its name), at most <see cref="MaxBytes"/>, stored outside the
/// web root under a random name.
/// </summary>
public interface IExpenseReceiptStore
{
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <returns>The stored receipt's name, or why it was refused (Indonesian, field "").</returns>
    Task<Outcome<string>> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    bool Exists(string name);

    /// <returns>Null when there is no receipt of that name.</returns>
    StoredPhoto? Open(string name);
}
