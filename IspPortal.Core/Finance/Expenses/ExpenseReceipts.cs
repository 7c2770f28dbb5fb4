using IspPortal.Core.Common;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Expenses;

/// <param name="FileName">What the download is saved as, e.g. <c>EXP-2026-02-0012.pdf</c>.</param>
public sealed record ExpenseReceiptFile(Stream Content, string ContentType, string FileName);

/// <summary>
/// An expense's receipt for whoever may see the expense (<see cref="ExpenseList.Visible"/>): Finance
/// every one, a submitter their own. Null when the expense is not there, not theirs, or has no
/// receipt, so a stranger cannot tell which expense numbers exist.
/// </summary>
public sealed class ExpenseReceipts(IIspDbFactory dbs, IExpenseReceiptStore store, ICurrentUser currentUser)
{
    public async Task<ExpenseReceiptFile?> OpenAsync(int expenseId, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var expense = await ExpenseList.Visible(db, actor).Where(e => e.Id == expenseId)
            .Select(e => new { e.Number, e.ReceiptPath }).SingleOrDefaultAsync(cancellationToken);
        if (expense?.ReceiptPath is not { } name || store.Open(name) is not StoredPhoto file)
            return null;
        var extension = file.ContentType switch
        {
            "application/pdf" => ".pdf",
            "image/png" => ".png",
            "image/webp" => ".webp",
            _ => ".jpg",
        };
        return new ExpenseReceiptFile(file.Content, file.ContentType, expense.Number.Replace('/', '-') + extension);
    }
}
